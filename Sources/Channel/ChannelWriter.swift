import QanatCore
import QanatJournal
import QanatStore

/// The write path the command line and the desk share: the member's role is checked, then the
/// event is appended to the journal (fsync), then applied to the store. Once `record` returns,
/// the event is safe whatever the store did; a refused write leaves nothing anywhere.
public struct ChannelWriter: Sendable {
    public let journalPath: String
    /// Who signs the events: on a shared duty account, the officer on shift.
    public var officer: String
    /// Who is writing, as the store's members know them; nil when the store could not be read
    /// (the check is then left to file permissions, and the event waits in the journal).
    public var actor: Actor?

    public init(journalPath: String, officer: String, actor: Actor? = nil) {
        self.journalPath = journalPath
        self.officer = officer
        self.actor = actor
    }

    public enum Outcome: Sendable {
        case applied
        /// In the journal only: the store was unavailable; a later ingest (or retry) applies it.
        case kept(StoreError?)
    }

    public func event(_ write: Actions.Write) throws(Refusal) -> Event {
        if let actor { try Authority.check(write.payload, agency: write.agency, by: actor) }
        let now = Clock.now()
        return Event(id: .make(at: now), at: now, agency: write.agency, officer: officer, user: UnixUser.current,
                     payload: write.payload)
    }

    public func record(_ event: Event, store: (any StoreWriter)?) throws(ChannelError) -> Outcome {
        try record([event], store: store)
    }

    /// Events in one append (one `fsync`) and one transaction: all applied, or all kept.
    public func record(_ events: [Event], store: (any StoreWriter)?) throws(ChannelError) -> Outcome {
        do { try JournalWriter(path: journalPath).append(events) } catch { throw .journal(error) }
        guard let store else { return .kept(nil) }
        do {
            try store.apply(events)
            return .applied
        } catch {
            return .kept(error)
        }
    }
}
