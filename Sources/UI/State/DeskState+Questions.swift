import QanatCore

/// The desk's questions (quit with unsent text, skip an inject) and the exercise controller's keys.
extension DeskState {
    /// Yes to a question, as typed on an English or an Arabic keyboard: `y`, the Y key's `غ`, or
    /// `ن` (نعم). Any other key (`n`, `ى`, `ل`: لا) is no.
    static let yesKeys: Set<Character> = ["y", "Y", "غ", "ن"]

    /// The key that answers the question asked.
    mutating func answer(_ key: KeyPress) -> DeskEffect? {
        let yes = if case .character(let typed) = key { Self.yesKeys.contains(typed) } else { false }
        if confirmingQuit {
            confirmingQuit = false
            return yes ? .quit : nil
        }
        guard let inject = confirmingSkip else { return nil }
        confirmingSkip = nil
        if yes { return .controlExercise(.skipped, inject: inject) }
        notice = localizer(.skipKept)
        return nil
    }

    /// The controller's keys: only while an exercise plays on this store.
    /// (`unavailable` says when they cannot act.)
    mutating func exerciseControl(_ action: DeskAction) -> DeskEffect? {
        guard let run = data.exerciseRun else { return nil }
        switch action {
        case .exercisePlay: return .controlExercise(run.status == .paused ? .resumed : .paused, inject: nil)
        case .exerciseSkip:
            guard let next = run.next else { return nil }
            // Skipping cannot be undone: asked first, naming the inject.
            confirmingSkip = next.number
            return nil
        default:
            open(Forms.addInject(from: agency))
            return nil
        }
    }

}
