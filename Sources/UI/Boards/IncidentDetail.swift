import QanatCore

/// One line of an incident's timeline: an event about it, or a message linked to it.
public struct TimelineEntry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case event(EventPayload)
        case message(Message)
    }

    public var at: Timestamp
    public var agency: AgencyCode
    public var officer: String
    public var kind: Kind

    public init(at: Timestamp, agency: AgencyCode, officer: String, kind: Kind) {
        self.at = at
        self.agency = agency
        self.officer = officer
        self.kind = kind
    }
}

public struct IncidentDetail: Equatable, Sendable {
    public var record: IncidentRecord
    public var assignments: [Assignment]
    public var timeline: [TimelineEntry]

    public init(record: IncidentRecord, assignments: [Assignment], timeline: [TimelineEntry]) {
        self.record = record
        self.assignments = assignments
        self.timeline = timeline
    }
}
