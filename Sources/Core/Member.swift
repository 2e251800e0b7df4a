/// What a member may do; each role may do all that the roles before it may.
public enum Role: String, NamedValue, Comparable {
    /// Reads everything, writes nothing.
    case viewer
    /// Posts, opens and updates incidents, assigns and acknowledges, for their own agency.
    case `operator`
    /// Also closes and reopens incidents, registers agencies, and acts for any agency.
    case supervisor
    /// Also manages members.
    case admin

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Who a members entry is for: a Unix user, or one officer signing on under a shared account.
public struct MemberKey: Hashable, Sendable, Comparable {
    public var user: String
    /// nil: the Unix account itself, for every officer using it who has no entry of their own.
    public var officer: String?

    public init(user: String, officer: String? = nil) {
        self.user = user
        self.officer = officer
    }

    /// Unix user names as `useradd` accepts them (its default NAME_REGEX, plus capitals).
    public static func user(_ text: String, field: String = "user") throws(ValidationError) -> String {
        let scalars = Array(text.unicodeScalars)
        let valid =
            (1...32).contains(scalars.count)
            && scalars.enumerated().allSatisfy { index, scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "_": true
                case "0"..."9", "-", ".": index > 0
                case "$": index == scalars.count - 1 && index > 0
                default: false
                }
            }
        guard valid else {
            throw ValidationError(field: field, value: text, problem: .malformed(expected: "a Unix user name"))
        }
        return text
    }

    public var description: String { officer.map { "\(user)/\($0)" } ?? user }

    /// The officer's name as entries are matched: one entry per person however they type their
    /// name; '' for the account itself.
    public var officerKey: String { officer?.trimmingSpaces().lowercased() ?? "" }

    public func isSame(as other: MemberKey) -> Bool { user == other.user && officerKey == other.officerKey }

    /// With the officer's name as entries are matched: what events about this entry share.
    public var folded: MemberKey { MemberKey(user: user, officer: officer.map { _ in officerKey }) }

    public static func < (a: MemberKey, b: MemberKey) -> Bool {
        (a.user, a.officer ?? "") < (b.user, b.officer ?? "")
    }
}

/// A Unix user, or an officer on a shared account, mapped to an agency and a role.
public struct Member: Equatable, Sendable {
    public var key: MemberKey
    public var agency: AgencyCode
    public var role: Role
    /// A shared duty account: officers sign on at the desk by name, for a shift.
    public var shared: Bool
    /// The salted hash officers prove at sign-on (`PIN.hash`); never the PIN itself. On a service
    /// store, `heldByService`: the service keeps the hash where no member can read it.
    public var pin: String?

    /// The `pin` of an entry whose PIN the store's service holds.
    public static let heldByService = "service"

    public init(key: MemberKey, agency: AgencyCode, role: Role, shared: Bool = false, pin: String? = nil) {
        self.key = key
        self.agency = agency
        self.role = role
        self.shared = shared
        self.pin = pin
    }
}
