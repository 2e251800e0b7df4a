public enum MessagePriority: String, NamedValue, Comparable {
    case routine, priority, immediate, flash

    public static func < (lhs: MessagePriority, rhs: MessagePriority) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum MessageChannel: String, NamedValue {
    case radio, phone, sms, email
    case inPerson = "in-person"
    case system
}

/// Who a message is for: every agency on the channel, or a list of agencies.
public enum Recipients: Equatable, Sendable {
    case everyone
    case agencies([AgencyCode])

    public var codes: [String] {
        switch self {
        case .everyone: ["*"]
        case .agencies(let list): list.map(\.rawValue)
        }
    }

    public func includes(_ agency: AgencyCode) -> Bool {
        switch self {
        case .everyone: true
        case .agencies(let list): list.contains(agency)
        }
    }

    /// Parses `["*"]` or agency codes; an empty list or `*` mixed with codes is refused.
    public init(codes: [String], field: String = "to") throws(ValidationError) {
        let trimmed = codes.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        if trimmed == ["*"] {
            self = .everyone
            return
        }
        guard !trimmed.isEmpty else { throw ValidationError(field: field, value: "", problem: .empty) }
        var list: [AgencyCode] = []
        for code in trimmed {
            let agency = try AgencyCode(code, field: field)
            if !list.contains(agency) { list.append(agency) }
        }
        self = .agencies(list)
    }
}

/// One entry of the unified log (shaped like ICS 213). Its id is the id of the event that posted it.
public struct Message: Equatable, Sendable {
    public var id: EventID
    public var postedAt: Timestamp
    public var agency: AgencyCode
    public var officer: String
    public var recipients: Recipients
    public var priority: MessagePriority
    public var channel: MessageChannel
    public var subject: String?
    public var body: String
    public var incident: IncidentReference?
    public var acknowledgementRequired: Bool

    public init(
        id: EventID, postedAt: Timestamp, agency: AgencyCode, officer: String, recipients: Recipients,
        priority: MessagePriority, channel: MessageChannel, subject: String? = nil, body: String,
        incident: IncidentReference? = nil, acknowledgementRequired: Bool
    ) {
        self.id = id
        self.postedAt = postedAt
        self.agency = agency
        self.officer = officer
        self.recipients = recipients
        self.priority = priority
        self.channel = channel
        self.subject = subject
        self.body = body
        self.incident = incident
        self.acknowledgementRequired = acknowledgementRequired
    }

    /// Who the message is for, of the registered `agencies`: `*` is every one but the sender.
    /// Only they acknowledge it.
    public func addressees(among agencies: [AgencyCode]) -> [AgencyCode] {
        switch recipients {
        case .everyone: agencies.filter { $0 != agency }
        case .agencies(let list): list
        }
    }
}

/// An agency's acknowledgement of a message. One per agency: the earliest counts.
public struct Acknowledgement: Equatable, Sendable {
    public var message: EventID
    public var agency: AgencyCode
    public var officer: String
    public var at: Timestamp

    public init(message: EventID, agency: AgencyCode, officer: String, at: Timestamp) {
        self.message = message
        self.agency = agency
        self.officer = officer
        self.at = at
    }
}
