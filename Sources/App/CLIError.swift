import QanatChannel
import QanatCore
import QanatJournal
import QanatStore
import QanatUI

/// A command's failure, with the exit code scripts rely on:
/// 0 done, 1 usage, 2 bad data, 3 store unavailable (the event, if any, is kept in the journal),
/// 4 refused (the member's role does not allow it, or a journal's lines cannot be attributed to
/// its owner; nothing was written), 5 no store at the path (nothing was written, not even to the journal).
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case badData(String)
    case storeUnavailable(String)
    case refused(Refusal)
    case unattributable(IngestError)
    case noStore(String)
    /// On a service store, what only its service does (ingest, follow, rebuild).
    case serviceOnly(String)

    var exitCode: Int32 {
        switch self {
        case .usage: 1
        case .badData: 2
        case .storeUnavailable: 3
        case .refused, .unattributable, .serviceOnly: 4
        case .noStore: 5
        }
    }

    var description: String {
        switch self {
        case .usage(let text), .badData(let text), .storeUnavailable(let text), .noStore(let text),
            .serviceOnly(let text):
            text
        case .refused(let refusal): "refused: \(refusal); nothing was written"
        case .unattributable(let error): error.description
        }
    }

    static func from(_ error: ValidationError) -> CLIError { .badData(error.description) }

    static func from(_ error: ChannelError) -> CLIError {
        switch error {
        case .store(let store): from(store)
        case .journal(let journal): from(journal)
        case .nothingToChange, .exerciseJournalElsewhere: .usage(error.description)
        case .needsStore: .storeUnavailable(error.description)
        case .refusedByService: .serviceOnly(error.description)
        case .play(.stopped(let reason)): .badData("play stopped already (\(reason.translations.en))")
        case .play, .idHeld: .badData(error.description)
        }
    }

    /// Any error of the write path, as the exit code it means.
    static func fromDomain(_ error: any Error) -> any Error {
        switch error {
        case let error as ValidationError: from(error)
        case let error as Refusal: CLIError.refused(error)
        case let error as ChannelError: from(error)
        case let error as StoreError: from(error)
        default: error
        }
    }

    static func from(_ error: StoreError) -> CLIError {
        switch error {
        case .unavailable, .newerRelease: .storeUnavailable(error.description)
        case .notFound: .badData(error.description)
        case .failed, .corruptEvent: .storeUnavailable(error.description)
        case .noStore, .notAStore: .noStore(error.description)
        case .serviceOwned: .serviceOnly(error.description)
        }
    }

    static func from(_ error: JournalError) -> CLIError {
        .storeUnavailable("\(error); nothing was recorded")
    }

    static func from(_ error: IngestError) -> CLIError {
        switch error {
        case .journal(let journal): .badData(journal.description)
        case .store(let store): from(store)
        case .unattributable: .unattributable(error)
        }
    }
}
