/// A site's code: a building or a team that keeps its own store and relays through the hub
/// (`TRP`, `BGZ`, `SBH`, a municipality's). Two to six capital letters (Latin, no digits): it leads
/// the number of every incident the site opens (`INC-2026-BGZ0012`), so it must be short enough to
/// read out on a radio, and where it ends and the number starts must never be in doubt.
public struct SiteCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String, field: String = "site") throws(ValidationError) {
        let upper = text.trimmingSpaces().uppercased()
        let bytes = Array(upper.utf8)
        let ok = (2...6).contains(bytes.count) && bytes.allSatisfy { (65...90).contains($0) }
        guard ok else {
            throw ValidationError(
                field: field, value: text,
                problem: .malformed(expected: "a site code (2-6 Latin letters, like BGZ)"))
        }
        rawValue = upper
    }

    public var description: String { rawValue }

    public static func < (a: SiteCode, b: SiteCode) -> Bool { a.rawValue < b.rawValue }
}

/// A site as the hub registers it: the agencies it hosts, the only ones its events may speak for.
public struct Site: Hashable, Sendable {
    public var code: SiteCode
    public var agencies: Set<AgencyCode>

    public init(code: SiteCode, agencies: Set<AgencyCode>) {
        self.code = code
        self.agencies = agencies
    }
}

/// The sites the hub knows, as every site learns them from it. An event from another site is
/// judged once, where it was first taken in; here only its origin is checked: the site it came
/// from must host the agency it speaks for. The verdict depends on the registry, never on the
/// order events arrive in.
public struct SiteRegistry: Equatable, Sendable {
    public var sites: [SiteCode: Site]

    public init(_ sites: [Site]) {
        self.sites = Dictionary(sites.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownSite(SiteCode)
        case agencyNotHosted(SiteCode, AgencyCode)

        public var description: String {
            switch self {
            case .unknownSite(let site): "from site \(site), which the hub does not register"
            case .agencyNotHosted(let site, let agency):
                "site \(site) speaks for \(agency), an agency it does not host"
            }
        }
    }

    /// What `newer` says differently: sites registered or gone, agencies hosted or no longer.
    public func changes(to newer: SiteRegistry) -> [String] {
        let codes = Set(sites.keys).union(newer.sites.keys).sorted()
        return codes.compactMap { code in
            let (before, after) = (sites[code]?.agencies ?? [], newer.sites[code]?.agencies ?? [])
            guard sites[code] != nil, newer.sites[code] != nil else {
                let hosting = after.map(\.rawValue).sorted().joined(separator: " ")
                return sites[code] == nil ? "site \(code) registered, hosting \(hosting)" : "site \(code) is gone"
            }
            let added = after.subtracting(before).map(\.rawValue).sorted()
            let removed = before.subtracting(after).map(\.rawValue).sorted()
            guard !added.isEmpty || !removed.isEmpty else { return nil }
            return "site \(code)"
                + (added.isEmpty ? "" : " now hosts " + added.joined(separator: " "))
                + (removed.isEmpty ? "" : " no longer hosts " + removed.joined(separator: " "))
        }
    }

    /// Throws unless `origin` is registered and hosts `agency`.
    public func check(origin: SiteCode, agency: AgencyCode) throws(Refusal) {
        guard let site = sites[origin] else { throw .unknownSite(origin) }
        guard site.agencies.contains(agency) else { throw .agencyNotHosted(origin, agency) }
    }
}

/// What a site's relay last knew of the hub, for its desks and its wall: whether the hub answers
/// and since when, how many events this site took in wait to go out.
public struct RelayStatus: Codable, Equatable, Sendable {
    public var reachable: Bool
    /// Since when it has been so.
    public var checked: Timestamp
    public var waiting: Int
    /// Why the hub could not be reached, in the relay's words.
    public var problem: String?
    /// The last of this site's events (by the store's sequence) the hub has acknowledged.
    public var pushed: Int64

    public init(reachable: Bool, checked: Timestamp, waiting: Int, problem: String?, pushed: Int64) {
        self.reachable = reachable
        self.checked = checked
        self.waiting = waiting
        self.problem = problem
        self.pushed = pushed
    }

    private enum CodingKeys: String, CodingKey { case reachable, checked, waiting, problem, pushed }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        reachable = try values.decode(Bool.self, forKey: .reachable)
        checked = Timestamp(millisecondsSinceEpoch: try values.decode(Int64.self, forKey: .checked))
        waiting = try values.decode(Int.self, forKey: .waiting)
        problem = try values.decodeIfPresent(String.self, forKey: .problem)
        pushed = try values.decodeIfPresent(Int64.self, forKey: .pushed) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(reachable, forKey: .reachable)
        try values.encode(checked.millisecondsSinceEpoch, forKey: .checked)
        try values.encode(waiting, forKey: .waiting)
        try values.encodeIfPresent(problem, forKey: .problem)
        try values.encode(pushed, forKey: .pushed)
    }
}
