import QanatCore
import QanatJournal
import QanatStore

/// Why a write did not happen, besides a refused field (`ValidationError`) or a refused role
/// (`Refusal`), which the actions throw as they are. Commands turn each into an exit code.
public enum ChannelError: Error, CustomStringConvertible, Sendable {
    /// The store could not be asked or written.
    case store(StoreError)
    /// Not even the journal took the event: nothing was recorded.
    case journal(JournalError)
    /// An update that names nothing to change.
    case nothingToChange(options: [String])
    /// What was asked can only be checked against the store, and it could not be opened.
    case needsStore(String)
    /// An exercise store's events go to a journal in its own directory only: elsewhere (the real
    /// one) they would reach the real store at ingest.
    case exerciseJournalElsewhere(journal: String, exercise: String)
    /// An event id an import's event takes (derived from what it imports) is held by another event.
    case idHeld(id: EventID, by: Event)
    /// The store's service refused what was asked for the caller's role.
    case refusedByService(String)
    /// The exercise's play cannot be controlled now.
    case play(PlayProblem)

    public enum PlayProblem: Sendable {
        case notAnExercise(path: String)
        case notStarted(path: String)
        case stopped(ExerciseControl.Reason)
    }

    public var description: String {
        switch self {
        case .store(let error): error.description
        case .refusedByService(let why): "refused by the store's service: \(why)"
        case .journal(let error): "\(error); nothing was recorded"
        case .nothingToChange(let options): "nothing to change: give \(options.joined(separator: ", "))"
        case .needsStore(let why): "the store is unavailable: \(why)"
        case .idHeld(let id, let held):
            "conflict: event \(id) is held already by a \(held.type.rawValue) event of \(held.agency.rawValue) (officer "
                + "\(held.officer), Unix user \(held.user ?? "not recorded"), \(held.at.rfc3339)), not this import's; "
                + "nothing was written"
        case .play(.notAnExercise(let path)): "\(path): not an exercise store"
        case .play(.notStarted(let path)): "\(path): no exercise was started on this store"
        case .play(.stopped(let reason)): "play stopped already (\(reason.rawValue))"
        case .exerciseJournalElsewhere(let journal, let exercise):
            "\(journal): an exercise store's events are journalled in its own directory (\(exercise)), never elsewhere; "
                + "use --exercise DIR, or unset QANAT_JOURNAL; nothing was written"
        }
    }
}
