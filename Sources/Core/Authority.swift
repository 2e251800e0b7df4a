/// Who is writing, as the store's members know them.
public struct Actor: Equatable, Sendable {
    public var user: String
    public var officer: String
    /// The officer's own entry on a shared account, else the account's; nil for a non-member.
    public var member: Member?
    /// False for a store with no members (made before they existed): every user may write, as
    /// before, until an admin adds the first member.
    public var membersManaged: Bool

    public init(user: String, officer: String, member: Member?, membersManaged: Bool) {
        self.user = user
        self.officer = officer
        self.member = member
        self.membersManaged = membersManaged
    }

    /// What this actor may do: the member's role; admin on an unmanaged store; nil (read-only)
    /// for a non-member of a managed one.
    public var role: Role? { membersManaged ? member?.role : .admin }

    /// Of `entries` (a user's rows), the officer's own entry, else the account's. An entry that a
    /// PIN guards is the officer's only once they proved it (signed on with it): until then, the
    /// account's applies — naming an officer is not being them.
    public static func entry(for officer: String, among entries: [Member], pinProven: Bool) -> Member? {
        let name = MemberKey(user: "", officer: officer).officerKey
        let own = entries.first { $0.key.officer != nil && $0.key.officerKey == name }
        if let own, own.pin == nil || pinProven { return own }
        return entries.first { $0.key.officer == nil }
    }
}

/// Why a write was refused. The event is not written anywhere, not even to the journal.
public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Unix user with no entry in the members of a managed store: read-only.
    case notMember(user: String)
    case viewerReadsOnly
    /// Operators act for their own agency only.
    case otherAgency(own: AgencyCode, acting: AgencyCode)
    case needsRole(Role, for: GuardedAction)
    /// The store must keep an admin, or no one could manage members again.
    case lastAdmin(user: String)
    /// The PIN typed at sign-on is not the one the officer's entry holds.
    case wrongPIN
    /// Too many wrong PINs for the entry: the next attempt waits this long.
    case pinThrottled(seconds: Int)
    /// On a service store the service holds no PIN for the officer: set before the store had its
    /// service (and so void), or never.
    case noPINHeld(officer: String)
    /// On a service store a report's record is the service's: it renders the bytes it records.
    case reportsAreTheServices
    /// A PIN is checked by the store's service, which is not running.
    case serviceAway(service: String)
    /// A journal line naming a Unix user other than the journal's owner, the one identity the
    /// system vouches for.
    case claimsOtherUser(owner: String, claimed: String)

    /// Refusals about the PIN typed at sign-on (the desk shows them on the PIN's field).
    public var concernsPIN: Bool {
        switch self {
        case .wrongPIN, .pinThrottled, .noPINHeld, .serviceAway: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .notMember(let user):
            "\(user) is not a member of this store: read-only (an admin adds you with `qanat member add \(user) --agency CODE --role operator`)"
        case .viewerReadsOnly:
            "viewers read only: ask an admin for the operator role"
        case .otherAgency(let own, let acting):
            "operators act for their own agency (\(own)), not for \(acting): a supervisor may"
        case .needsRole(let role, let action):
            "\(action.description) needs the \(role.rawValue) role"
        case .lastAdmin(let user):
            "\(user) is the store's last admin: add another admin first"
        case .wrongPIN:
            "wrong PIN"
        case .pinThrottled(let seconds):
            "too many wrong PINs: try again in \(seconds) s"
        case .serviceAway(let service):
            "the store's service (\(service)) is not running, and it checks PINs: signing on waits for it"
        case .reportsAreTheServices:
            "on a service store the service records reports it rendered itself (`--out` asks it); a member's line may not"
        case .noPINHeld(let officer):
            "the store's service holds no PIN for \(officer) (one set before the store had its service is void): "
                + "an admin sets it again with qanat member add … --pin"
        case .claimsOtherUser(let owner, let claimed):
            "written by \(owner), claims \(claimed)"
        }
    }
}

/// Writes that need more than the operator role.
public enum GuardedAction: String, Sendable, CaseIterable {
    case closeIncident, registerAgency, manageMembers, changeSetting, importData, manageRisks, importAlert,
        controlExercise, sealArchive

    public var description: String {
        switch self {
        case .closeIncident: "closing an incident"
        case .registerAgency: "registering or suspending an organisation"
        case .manageMembers: "managing members"
        case .changeSetting: "changing a store setting"
        case .importData: "importing a file that speaks for many organisations"
        case .manageRisks: "adding or changing a risk of the register"
        case .importAlert: "importing a CAP alert"
        case .controlExercise: "starting or controlling an exercise"
        case .sealArchive: "sealing a month's archive"
        }
    }
}

/// The rules of who may write what, the same for the command line and the desk. Checked before
/// the journal is touched: a refused write leaves no trace.
public enum Authority {
    public static func check(_ payload: EventPayload, agency: AgencyCode, by actor: Actor) throws(Refusal) {
        guard let role = actor.role else { throw .notMember(user: actor.user) }
        if let action = guarded(payload), role < action.role { throw .needsRole(action.role, for: action) }
        let own = role < .supervisor ? actor.member?.agency : nil
        // A shift is a viewer's too, but below supervisor only for their own agency (as at sign-on).
        if case .shift = payload {
            if let own, own != agency { throw .otherAgency(own: own, acting: agency) }
            return
        }
        guard role >= .operator else { throw .viewerReadsOnly }
        if let own {
            if own != agency { throw .otherAgency(own: own, acting: agency) }
            // What the payload names as acting must be theirs too: a unit is registered by its own
            // agency, a need, activity or pledge recorded by its own organisation.
            let named = actingOrganisations(payload)
            if let first = named.first, !named.contains(own) { throw .otherAgency(own: own, acting: first) }
        }
    }

    /// Whether the actor's role allows `action` as a whole (an import that speaks for many
    /// organisations), before any of its events is made.
    public static func require(_ action: GuardedAction, by actor: Actor) throws(Refusal) {
        if (actor.role ?? .viewer) < action.role { throw .needsRole(action.role, for: action) }
    }

    /// An officer signing on to a shared account: the PIN their entry sets, and an agency they
    /// may act for (an operator their own, a supervisor any) — the rule every write then meets.
    /// `pinMatches` tells whether the typed PIN is the one a stored hash keeps (hashing is not Core's).
    public static func signOn(for agency: AgencyCode, by actor: Actor, pinMatches: (_ stored: String) -> Bool)
        throws(Refusal)
    {
        if let stored = actor.member?.pin, !pinMatches(stored) { throw .wrongPIN }
        guard actor.role != nil else { throw .notMember(user: actor.user) }
        try mayActFor(agency, by: actor)
    }

    /// Whether a desk may act for `agency`: an operator (or viewer) for their own only, a
    /// supervisor for any. A non-member is not refused here: what they get is read-only anyway.
    public static func mayActFor(_ agency: AgencyCode, by actor: Actor) throws(Refusal) {
        guard let role = actor.role, role < .supervisor, let own = actor.member?.agency, own != agency else { return }
        throw .otherAgency(own: own, acting: agency)
    }

    /// What no role may do: leave a managed store without an admin, so that no one could manage
    /// members again. Checked after the role, so a refusal names the role first.
    public static func checkKeepsAnAdmin(_ payload: EventPayload, members: [Member]) throws(Refusal) {
        let key: MemberKey
        switch payload {
        case .memberAdded(let member) where member.role != .admin: key = member.key
        case .memberRemoved(let removed): key = removed
        default: return
        }
        let admins = members.filter { $0.role == .admin }
        if !admins.isEmpty, admins.allSatisfy({ $0.key.isSame(as: key) }) { throw .lastAdmin(user: key.description) }
    }

    private static func guarded(_ payload: EventPayload) -> GuardedAction? {
        switch payload {
        case .incidentStatusChanged(let change) where change.status == .closed: .closeIncident
        case .agencyRegistered, .organisationRegistered: .registerAgency
        case .organisationUpdated(let change) where change.status != nil || change.kind != nil: .registerAgency
        case .memberAdded, .memberRemoved: .manageMembers
        case .settingChanged, .targetSet: .changeSetting
        case .riskRegistered, .riskUpdated: .manageRisks
        case .exerciseStarted, .exerciseInject, .exerciseControl: .controlExercise
        case .reportWritten(let record) where record.kind == .archive: .sealArchive
        default: nil
        }
    }

    /// The organisations a payload acts for, beside the envelope's agency; any one of them will do
    /// (an activity is its funder's and its implementer's).
    private static func actingOrganisations(_ payload: EventPayload) -> [AgencyCode] {
        switch payload {
        case .unitRegistered(let unit): [unit.agency]
        case .organisationUpdated(let change): [change.code]
        case .needReported(let need): [need.organisation]
        case .activityRegistered(let activity): [activity.organisation] + (activity.implementer.map { [$0] } ?? [])
        case .pledgeMade(let pledge): [pledge.organisation]
        default: []
        }
    }
}

extension GuardedAction {
    /// The least role that may.
    public var role: Role {
        switch self {
        case .closeIncident, .registerAgency, .changeSetting, .importData, .manageRisks, .importAlert, .controlExercise:
            .supervisor
        case .manageMembers, .sealArchive: .admin
        }
    }
}
