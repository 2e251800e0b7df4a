import QanatCore
import QanatJournal
import QanatStore

/// The write path the command line and the desk share: append to the journal (fsync), then
/// apply to the store. Once `record` returns, the event is safe whatever the store did.
struct ChannelWriter {
    let journalPath: String
    let officer: String

    enum Outcome {
        case applied
        /// In the journal only: the store was unavailable; a later ingest (or retry) applies it.
        case kept(StoreError?)
    }

    func event(_ write: Actions.Write) -> Event {
        let now = Clock.now()
        return Event(id: .make(at: now), at: now, agency: write.agency, officer: officer, user: UnixUser.current,
                     payload: write.payload)
    }

    func record(_ event: Event, store: (any ChannelStore)?) throws(JournalError) -> Outcome {
        try JournalWriter(path: journalPath).append(event)
        guard let store else { return .kept(nil) }
        do {
            try store.apply([event])
            return .applied
        } catch {
            return .kept(error)
        }
    }
}
