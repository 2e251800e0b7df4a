/// What was written to a store after a point in its event log, so that a screen re-reads only
/// what it shows of that.
public struct StoreChanges: Equatable, Sendable {
    /// The event log's last sequence number; the next question starts after it.
    public var lastSequence: Int64
    /// The subjects the new events touched; `nil` when there were too many to list, or when the
    /// projections changed with no new event (a rebuild): then everything may have changed.
    public var subjects: Set<Subject>?

    public init(lastSequence: Int64, subjects: Set<Subject>?) {
        self.lastSequence = lastSequence
        self.subjects = subjects
    }
}

extension Subject {
    /// Reads back a stored key (`incident:INC-2026-0001`); nil for a key this version does not know.
    public init?(key: String) {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let value = String(key[key.index(after: colon)...])
        switch key[..<colon] {
        case "agency":
            guard let code = try? AgencyCode(value) else { return nil }
            self = .agency(code)
        case "incident":
            guard let reference = try? IncidentReference(value) else { return nil }
            self = .incident(reference)
        case "unit":
            guard let callSign = try? CallSign(value) else { return nil }
            self = .unit(callSign)
        case "message":
            guard let id = try? EventID(value) else { return nil }
            self = .message(id)
        case "member":
            let parts = value.split(separator: "/", maxSplits: 1).map(String.init)
            guard let user = parts.first else { return nil }
            self = .member(MemberKey(user: user, officer: parts.count > 1 ? parts[1] : nil))
        case "officer": self = .officer(value)
        case "need":
            guard let id = try? RecordID(value) else { return nil }
            self = .need(id)
        case "activity":
            guard let id = try? RecordID(value) else { return nil }
            self = .activity(id)
        case "pledge":
            guard let id = try? RecordID(value) else { return nil }
            self = .pledge(id)
        case "setting":
            guard let setting = StoreSetting(rawValue: value) else { return nil }
            self = .setting(setting)
        case "risk":
            guard let id = try? RecordID(value) else { return nil }
            self = .risk(id)
        case "target":
            guard let metric = ResponseMetric(rawValue: value) else { return nil }
            self = .target(metric)
        case "report":
            guard ReportRecord.isDigest(value) else { return nil }
            self = .report(sha256: value)
        case "exercise": self = .exercise
        default: return nil
        }
    }
}
