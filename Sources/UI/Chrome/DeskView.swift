import QanatCore
import QanatText

/// The whole desk: tab bar, the board (and the detail pane), the status bar, any overlay.
public enum DeskView {
    /// At this width and more the detail pane sits beside the board; below, it replaces it.
    static let sideBySideWidth = 120
    /// The least size every board shows all of its columns at.
    static let smallest = (width: 80, height: 24)

    public static func render(_ state: DeskState) -> Frame {
        var frame = Frame(width: state.width, height: state.height, layout: state.textLayout)
        guard state.width >= 20, state.height >= 5 else {
            frame.put(state.localizer(.appName), x: 0, y: 0, role: .title)
            return frame
        }
        Chrome.drawTabs(state, into: &frame)
        switch state.board {
        case .incidents where state.showingDetail, .units where state.showingDetail, .log where state.showingDetail,
            .coverage where state.showingDetail, .risks where state.showingDetail:
            let (x, _) = DetailPane.placement(state)
            if x > 0 { drawBoard(state, into: &frame, width: x - 1) }
            DetailPane.draw(state, into: &frame)
        default: drawBoard(state, into: &frame, width: state.width)
        }
        if state.realEmergency {
            // Above any alert, whole: play is over on every desk and what comes now is real.
            Band.draw(
                StopBanner.text(state.data.stopMessage, state.localizer), role: .severityExtreme,
                bottom: state.height - 2, into: &frame)
        } else if let alert = state.alerts.first {
            drawAlert(alert, more: state.alerts.count - 1, state: state, into: &frame)
        }
        Chrome.drawStatus(state, into: &frame)
        if let handover = state.handover { HandoverOverlay.draw(handover, state: state, into: &frame) }
        if state.overlay == .help { HelpOverlay.draw(state, into: &frame) }
        if let picker = state.picker { PickerOverlay.draw(picker, state: state, into: &frame) }
        if let form = state.form { FormOverlay.draw(form, state: state, into: &frame) }
        if state.confirmingQuit { drawQuestion(state.localizer(.quitWithDraft), state: state, into: &frame) }
        if let number = state.confirmingSkip, let inject = state.data.exerciseRun?.injects[number] {
            let l = state.localizer
            drawQuestion(
                "\(l(.skipInjectQuestion)) \(l.number(number)) (\(inject.from) → \(inject.to.codes.joined(separator: ", ")): "
                    + "\(DisplayWidth.truncate(inject.text, to: 30)))? \(l(.yesNo))", state: state, into: &frame)
        }
        return frame
    }

    /// A question in a band of its own: a row above and below, so no text of the form shows around it.
    static func drawQuestion(_ text: String, state: DeskState, into frame: inout Frame) {
        let bandWidth = min(state.width, DisplayWidth.of(text) + 4)
        let x = (state.width - bandWidth) / 2
        let y = state.height / 2
        for row in max(0, y - 1)...min(state.height - 1, y + 1) {
            frame.fill(x: x, y: row, width: bandWidth, role: .unacknowledged)
        }
        frame.put(text, x: x + 2, y: y, role: .unacknowledged, limit: max(0, bandWidth - 4))
    }

    static func drawBoard(_ state: DeskState, into frame: inout Frame, width: Int) {
        switch state.board {
        case .incidents: IncidentsBoard.draw(state.boardInput, into: &frame, width: width)
        case .units: UnitsBoard.draw(state.boardInput, into: &frame, width: width)
        case .log: LogBoard.draw(state.boardInput, into: &frame, width: width)
        case .coverage: CoverageBoard.draw(state.boardInput, into: &frame, width: width)
        case .risks: RiskBoard.draw(state.boardInput, into: &frame, width: width)
        case .performance: PerformanceBoard.draw(state.boardInput, into: &frame, width: width)
        case .map: MapBoard.draw(state.boardInput, into: &frame, width: width)
        }
    }

    /// The banner above the status bar: the newest alert, and how many more wait behind it.
    static func drawAlert(_ alert: DeskAlert, more: Int, state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let y = state.height - 2
        frame.fill(row: y, role: .unacknowledged)
        let hint = (more > 0 ? "+\(l.number(more)) · " : "") + l(.alertOpen)
        let hintWidth = DisplayWidth.of(hint)
        var x = frame.put("⚠", x: 0, y: y, role: .unacknowledged) + 1
        let (head, body) = alert.parts(state.localizer)
        let end = state.width - hintWidth - 2
        x += frame.put(head, x: x, y: y, role: .unacknowledged, limit: max(0, end - x))
        x += frame.put(" — ", x: x, y: y, role: .unacknowledged, limit: max(0, end - x))
        frame.put(body, x: x, y: y, role: .unacknowledged, limit: max(0, end - x))
        frame.put(hint, x: state.width - hintWidth - 1, y: y, role: .unacknowledged)
    }
}
