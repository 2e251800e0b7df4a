import QanatCore

/// A cell of the risk matrix: a likelihood and an impact, 1–5 each.
public struct RiskCell: Hashable, Sendable {
    public var likelihood: Int
    public var impact: Int

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }

    public var band: RiskBand { RiskBand(score: likelihood * impact) }
}

/// The risk board: the 5×5 matrix, impact up the side (5 at the top) and likelihood along the
/// bottom, each cell the count of risks in it, coloured by band and marked with the band's
/// letter so it reads without colour; `!` where a risk's review is overdue.
enum RiskBoard {
    static let levels = Array(RiskScale.levels)

    /// Rows run from impact 5 down to 1.
    static func impact(atRow row: Int) -> Int? { levels.indices.contains(row) ? levels.count - row : nil }
    static func row(of impact: Int) -> Int? { levels.contains(impact) ? levels.count - impact : nil }

    static func risks(in cell: RiskCell, _ risks: [Risk]) -> [Risk] {
        risks.filter { $0.entry.likelihood == cell.likelihood && $0.entry.impact == cell.impact }
    }

    static func role(_ band: RiskBand) -> StyleRole {
        switch band {
        case .low: .severityMinor
        case .medium: .severitySevere
        case .high: .severityExtreme
        }
    }

    static func letter(_ band: RiskBand, _ l: Localizer) -> String { l(band.letter) }

    static func draw(_ state: BoardInput, into frame: inout Frame, width: Int) {
        let l = state.localizer
        let register = state.data.risks
        let labelWidth = 12
        let cellWidth = max(6, min(14, (width - labelWidth - 1) / levels.count))
        let cellHeight = max(1, min(3, (state.height - 3) / levels.count))
        frame.fill(x: 0, y: 1, width: width, role: .header)
        frame.put(field: "\(l(.colImpact)) ↓ \(l(.colLikelihood)) →", x: 0, y: 1, width: labelWidth, role: .header)
        for likelihood in levels {
            frame.put(
                field: l.number(likelihood), x: labelWidth + 1 + (likelihood - 1) * cellWidth, y: 1,
                width: cellWidth - 1, role: .header)
        }
        for (row, impact) in levels.reversed().enumerated() {
            let top = 2 + row * cellHeight
            frame.put(field: l.number(impact), x: 0, y: top + cellHeight / 2, width: labelWidth, role: .header)
            for likelihood in levels {
                let cell = RiskCell(likelihood: likelihood, impact: impact)
                let inCell = Self.risks(in: cell, register)
                let chosen = state.selected == row && state.selectedRiskLikelihood == likelihood && state.mark == .row
                let overdue = inCell.contains { $0.reviewOverdue(today: CalendarDate(libyaDayOf: state.now)) }
                let text = "\(letter(cell.band, l)) \(l.number(inCell.count))" + (overdue ? " !" : "")
                let x = labelWidth + 1 + (likelihood - 1) * cellWidth
                for line in 0..<cellHeight {
                    frame.fill(x: x, y: top + line, width: cellWidth - 1, role: chosen ? .selected : role(cell.band))
                }
                frame.put(
                    field: text, x: x, y: top + cellHeight / 2, width: cellWidth - 1,
                    role: chosen ? .selected : role(cell.band))
            }
        }
        let legendY = 2 + levels.count * cellHeight
        let legend =
            RiskBand.allCases.map { "\(letter($0, l)) \(l($0))" }.joined(separator: " · ") + " · ! \(l(.overdue))"
        frame.put(legend, x: 0, y: legendY, role: .dim, limit: width)
    }
}

/// The risks of an open cell of the matrix, with what their levels mean and their reviews.
enum RiskDetailLines {
    static func lines(_ cell: RiskCell, state: DeskState) -> [DetailLine] {
        let l = state.localizer
        let today = CalendarDate(libyaDayOf: state.now)
        let inCell = RiskBoard.risks(in: cell, state.data.risks)
        var out = [
            DetailLine(styled: [
                (
                    "\(l(.colLikelihood)) \(l.number(cell.likelihood)) × \(l(.colImpact)) \(l.number(cell.impact))",
                    .title
                ),
                (l(cell.band), RiskBoard.role(cell.band)),
            ])
        ]
        out.append(DetailLine([l(RiskScaleLabels.likelihood(cell.likelihood))], role: .dim))
        out.append(DetailLine([l(RiskScaleLabels.impact(cell.impact))], role: .dim))
        if inCell.isEmpty { out.append(DetailLine([l(.noRisksHere)], role: .dim)) }
        for risk in inCell {
            let e = risk.entry
            out.append(.blank)
            out.append(
                DetailLine(
                    styled: [
                        (e.title, nil), ("\(l(.colScore)) \(l.number(e.score))", nil),
                        (l(e.band), RiskBoard.role(e.band)),
                    ],
                    role: .header, gap: 2))
            out.append(
                DetailLine(
                    [l(e.hazard), l(e.nature), e.areas.map { areaName($0, l) }.joined(separator: ", ")], indent: 2))
            let overdue = risk.reviewOverdue(today: today)
            // Each label, code and date its own field: a date inside Arabic text would be turned round.
            out.append(
                DetailLine(
                    styled: [
                        (l(.colOwner), nil), (e.owner.rawValue, nil), (l(.colReview), nil),
                        (e.nextReview.map { l.number($0.description) } ?? "—", overdue ? .timerAlarm : nil),
                        (overdue ? l(.overdue) : "", .timerAlarm),
                    ], indent: 2, gap: 1))
            for mitigation in e.mitigations { out.append(DetailLine(["• " + mitigation], indent: 2)) }
            // The incidents it produced: its hazard, in an area it exposes.
            for record in state.data.riskIncidents[risk.id] ?? [] {
                let i = record.incident
                out.append(
                    DetailLine(
                        styled: [(i.reference.rawValue, nil), (l(i.status), nil), (i.title, nil)], indent: 2, gap: 2))
            }
        }
        return out
    }
}
