/// Authority at ingest. A journal line is attributed to the Unix user who owns the journal (the
/// one identity the operating system vouches for) and held to the same rules as a live write by
/// that member — on a shared duty account, by the entry of the officer the line names, unless a
/// PIN guards it: such a line meets the account's entry unless the service proved it came from
/// the desk where that officer signed on (`pinProven`, a sealed line) — as the store's members
/// stand when the line is ingested. A store with no members takes every line, as
/// it takes every write. Applying never asks again: this is a gate before it.
public struct LineAuthority: Sendable {
    public let owner: String
    public let members: [Member]
    private let ownEntries: [Member]
    /// A service store: its service records reports (it renders them), so no member's line may.
    public let reportsAttestedByService: Bool

    public init(owner: String, members: [Member], reportsAttestedByService: Bool = false) {
        self.owner = owner
        self.members = members
        ownEntries = members.filter { $0.key.user == owner }
        self.reportsAttestedByService = reportsAttestedByService
    }

    /// False for a store with no members: nothing is checked.
    public var checks: Bool { !members.isEmpty }

    public func check(_ event: Event, pinProven: Bool = false) throws(Refusal) {
        if reportsAttestedByService, event.type == .reportWritten { throw .reportsAreTheServices }
        guard checks else { return }
        if let claimed = event.user, claimed != owner { throw .claimsOtherUser(owner: owner, claimed: claimed) }
        // Anyone who can use the account can write its journal, sign-on lines included.
        let actor = Actor(
            user: owner, officer: event.officer,
            member: Actor.entry(for: event.officer, among: ownEntries, pinProven: pinProven), membersManaged: true)
        try Authority.check(event.payload, agency: event.agency, by: actor)
        try Authority.checkKeepsAnAdmin(event.payload, members: members)
    }

    /// The event as the store keeps it: a line that does not say who wrote it is its owner's,
    /// and the store records so.
    public func attributed(_ event: Event) -> Event {
        guard event.user == nil else { return event }
        var owned = event
        owned.user = owner
        return owned
    }

    /// Whether applying `event` may change who may write: the members must be read again after it.
    public static func changesMembers(_ event: Event) -> Bool {
        event.type == .memberAdded || event.type == .memberRemoved
    }
}
