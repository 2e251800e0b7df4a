import QanatCore

extension DeskState {
    /// Why `action` cannot be done now, in the desk's language; nil when it can. One place for
    /// every binding's requirement (as lazygit's `GetDisabledReason`): the dispatch refuses with
    /// this, and the palette shows the command greyed with it.
    public func unavailable(_ action: DeskAction) -> String? {
        // Asked on every key (a move too): the refusal's text is made only for an action that has one.
        let l = localizer
        var writing: String? { readOnly.map { l($0) } }
        switch action {
        case .openAlert: return alerts.isEmpty ? l(.noAlert) : nil
        // A read-only desk writes nothing: said first, whatever else the action would need.
        case .postMessage, .openIncident, .registerUnit, .registerActivity, .reportNeed, .makePledge, .reviewRisk,
            .editUnit, .changeStatus, .reply, .exercisePlay, .exerciseSkip, .exerciseInject:
            return writing ?? needs(action)
        case .assignOrAcknowledge:
            // Acknowledging is a read-only desk's refusal to make at the write (the store's members decide).
            if selectedIncident != nil {
                return writing ?? (data.units.isEmpty ? l(.noUnitRegistered) : freeUnits.isEmpty ? l(.noFreeUnit) : nil)
            }
            return openedOrSelectedMessage == nil ? l(.nothingSelected) : nil
        default: return nil
        }
    }

    /// What a writing action needs besides a desk that may write: a place, an open cell, play going on.
    private func needs(_ action: DeskAction) -> String? {
        let l = localizer
        switch action {
        case .registerActivity, .reportNeed: return selectedCell == nil ? l(.nothingSelected) : nil
        case .makePledge:
            guard let key = selectedCell else { return l(.nothingSelected) }
            // The needs to choose from are the open cell's, as its detail shows them.
            guard let detail = openCellDetail(key) else { return l(.openCellFirst) }
            return detail.needs.contains(where: \.status.isOpen) ? nil : l(.noOpenNeed)
        case .reviewRisk:
            // The risks to choose from are the open cell's, as its detail lists them.
            guard let cell = openRiskCell else { return l(.openRiskCellFirst) }
            return RiskBoard.risks(in: cell, data.risks).isEmpty ? l(.noRisksHere) : nil
        case .editUnit: return selectedUnit == nil ? l(.nothingSelected) : nil
        case .changeStatus: return selectedIncident == nil && selectedUnit == nil ? l(.nothingSelected) : nil
        case .reply: return openedOrSelectedMessage == nil ? l(.nothingSelected) : nil
        case .exercisePlay, .exerciseSkip, .exerciseInject:
            guard exercise, let run = data.exerciseRun else { return l(.notAnExercise) }
            if case .stopped = run.status { return l(.exerciseStopped) }
            return action == .exerciseSkip && run.next == nil ? l(.noInjectLeft) : nil
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
