/// Which messages the log shows. `nil` fields mean "any"; the store applies the same rules in SQL.
public struct MessageQuery: Equatable, Sendable {
    /// Sent by this agency, or addressed to it by name (a message to everyone counts only for its sender).
    public var agency: AgencyCode?
    public var incident: IncidentReference?
    /// This priority and higher.
    public var minimumPriority: MessagePriority?
    /// Only messages this agency must acknowledge and has not.
    public var awaitingAcknowledgementBy: AgencyCode?

    public init(agency: AgencyCode? = nil, incident: IncidentReference? = nil, minimumPriority: MessagePriority? = nil,
                awaitingAcknowledgementBy: AgencyCode? = nil) {
        self.agency = agency
        self.incident = incident
        self.minimumPriority = minimumPriority
        self.awaitingAcknowledgementBy = awaitingAcknowledgementBy
    }

    /// Whether a message passes; `agencies` are all the channel's agencies, who a message to everyone awaits.
    public func admits(_ record: MessageRecord, agencies: [AgencyCode]) -> Bool {
        let message = record.message
        if let agency, message.agency != agency, !message.recipients.names(agency) { return false }
        if let incident, message.incident != incident { return false }
        if let minimumPriority, message.priority < minimumPriority { return false }
        if let awaiting = awaitingAcknowledgementBy,
           !record.awaitingAcknowledgement(from: agencies).contains(awaiting) { return false }
        return true
    }

    public var isFiltering: Bool {
        agency != nil || incident != nil || minimumPriority != nil || awaitingAcknowledgementBy != nil
    }
}

extension Recipients {
    /// Whether the agency is named in the list (not merely included in "everyone").
    public func names(_ agency: AgencyCode) -> Bool {
        if case .agencies(let list) = self { list.contains(agency) } else { false }
    }
}
