import QanatCore

extension DeskState {
    /// Why `action` cannot be done now, in the desk's language; nil when it can. One place for
    /// every binding's requirement (as lazygit's `GetDisabledReason`): the dispatch refuses with
    /// this, and the palette shows the command greyed with it.
    public func unavailable(_ action: DeskAction) -> String? {
        let l = localizer
        let writing = readOnly.map { l($0) }
        switch action {
        case .openAlert: return alerts.isEmpty ? l(.nothingSelected) : nil
        case .postMessage, .openIncident, .registerUnit: return writing
        case .registerActivity, .reportNeed:
            return selectedCell == nil ? l(.nothingSelected) : writing
        case .makePledge:
            guard let key = selectedCell else { return l(.nothingSelected) }
            // The needs to choose from are the open cell's, as its detail shows them.
            guard let detail = openCellDetail(key) else { return l(.openCellFirst) }
            return detail.needs.contains(where: \.status.isOpen) ? writing : l(.noOpenNeed)
        case .reviewRisk:
            // The risks to choose from are the open cell's, as its detail lists them.
            guard let cell = openRiskCell else { return l(.openRiskCellFirst) }
            return RiskBoard.risks(in: cell, data.risks).isEmpty ? l(.noRisksHere) : writing
        case .editUnit: return selectedUnit == nil ? l(.nothingSelected) : writing
        case .changeStatus: return selectedIncident == nil && selectedUnit == nil ? l(.nothingSelected) : writing
        case .assignOrAcknowledge:
            if selectedIncident != nil { return freeUnits.isEmpty ? l(.noFreeUnit) : writing }
            return openedOrSelectedMessage == nil ? l(.nothingSelected) : nil
        case .reply: return openedOrSelectedMessage == nil ? l(.nothingSelected) : writing
        case .exercisePlay, .exerciseSkip, .exerciseInject:
            guard exercise, let run = data.exerciseRun else { return l(.notAnExercise) }
            if case .stopped = run.status { return l(.exerciseStopped) }
            if action == .exerciseSkip, run.next == nil { return l(.noInjectLeft) }
            return action == .exerciseInject ? writing : nil
        default: return nil
        }
    }

    /// The coverage cell selected on its board, if a row is.
    var selectedCell: CoverageCell.Key? {
        guard let key = selection.cell, selectedIndex != nil else { return nil }
        return key
    }

    /// `key`'s detail when it is the open cell and read.
    func openCellDetail(_ key: CoverageCell.Key) -> CoverageDetail? {
        guard openCell == key, let detail = data.coverageDetail, detail.key == key else { return nil }
        return detail
    }

    /// Units that can be tasked now.
    var freeUnits: [Unit] { data.units.map(\.unit).filter(\.status.canBeTasked) }
}
