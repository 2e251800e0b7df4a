/// Which messages the log shows. `nil` fields mean "any"; the store applies the same rules in SQL.
public struct MessageQuery: Equatable, Sendable {
    /// Sent by this agency, or addressed to it by name (a message to everyone counts only for its sender).
    public var agency: AgencyCode?
    public var incident: IncidentReference?
    /// This priority and higher.
    public var minimumPriority: MessagePriority?
    /// Only messages this agency must acknowledge and has not.
    public var awaitingAcknowledgementBy: AgencyCode?
    /// Posted at this time or later, and at this time or earlier (a shift's log).
    public var since: Timestamp?
    public var until: Timestamp?

    public init(
        agency: AgencyCode? = nil, incident: IncidentReference? = nil, minimumPriority: MessagePriority? = nil,
        awaitingAcknowledgementBy: AgencyCode? = nil, since: Timestamp? = nil, until: Timestamp? = nil
    ) {
        self.agency = agency
        self.incident = incident
        self.minimumPriority = minimumPriority
        self.awaitingAcknowledgementBy = awaitingAcknowledgementBy
        self.since = since
        self.until = until
    }

    /// Whether a message passes; `agencies` are all the channel's agencies, who a message to everyone awaits.
    public func admits(_ record: MessageRecord, agencies: [AgencyCode]) -> Bool {
        let message = record.message
        if let agency, message.agency != agency, !message.recipients.names(agency) { return false }
        if let incident, message.incident != incident { return false }
        if let minimumPriority, message.priority < minimumPriority { return false }
        if let since, message.postedAt < since { return false }
        if let until, message.postedAt > until { return false }
        if let awaiting = awaitingAcknowledgementBy,
            !record.awaitingAcknowledgement(from: agencies).contains(awaiting)
        {
            return false
        }
        return true
    }

    public var isFiltering: Bool {
        agency != nil || incident != nil || minimumPriority != nil || awaitingAcknowledgementBy != nil || since != nil
            || until != nil
    }
}

extension Recipients {
    /// Whether the agency is named in the list (not merely included in "everyone").
    public func names(_ agency: AgencyCode) -> Bool {
        if case .agencies(let list) = self { list.contains(agency) } else { false }
    }
}
