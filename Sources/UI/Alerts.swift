import QanatCore

/// What must not be missed: a flash message addressed to this desk's agency and not yet
/// acknowledged by it, or an extreme incident opened while the desk is up. Each rings the bell
/// once and stays in a banner until acknowledged or opened.
public struct DeskAlert: Equatable, Sendable {
    public enum Subject: Hashable, Sendable {
        case message(EventID)
        case incident(IncidentReference)
    }

    public var subject: Subject
    public var at: Timestamp
    public var text: String
}

extension DeskState {
    /// Takes in what the store holds now: new alerts ring and join the banner; alerts whose
    /// message was acknowledged by this agency leave it.
    public mutating func noticeAlerts() {
        let owed = Set(data.flashAwaiting.map { DeskAlert.Subject.message($0.message.id) })
        alerts.removeAll { alert in
            if case .message = alert.subject { return !owed.contains(alert.subject) }
            return false
        }
        var fresh: [DeskAlert] = []
        for record in data.flashAwaiting where alerted.insert(.message(record.message.id)).inserted {
            let m = record.message
            fresh.append(DeskAlert(subject: .message(m.id), at: m.postedAt,
                                   text: "\(localizer(m.priority)) \(m.agency) \(localizer.clock(m.postedAt)) — "
                                       + [m.subject, m.body].compactMap { $0 }.joined(separator: " — ")))
        }
        for record in data.newestExtreme where record.incident.openedAt >= startedAt
            && alerted.insert(.incident(record.incident.reference)).inserted {
            let i = record.incident
            fresh.append(DeskAlert(subject: .incident(i.reference), at: i.openedAt,
                                   text: "\(localizer(i.severity)) \(i.reference) — \(i.title)"))
        }
        guard !fresh.isEmpty else { return }
        alerts = (fresh + alerts).sorted { $0.at > $1.at }
        bellPending = true
    }

    /// An alert's message or incident was opened: it has been seen.
    mutating func alertOpened(_ subject: DeskAlert.Subject) {
        alerts.removeAll { $0.subject == subject }
    }
}
