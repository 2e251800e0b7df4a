import QanatCore

/// What must not be missed: a flash message addressed to this desk's agency and not yet
/// acknowledged by it, or an extreme incident opened while the desk is up. Each rings the bell
/// once and stays in a banner until acknowledged or opened (or, an incident, closed).
public struct DeskAlert: Equatable, Sendable {
    public enum Subject: Hashable, Sendable {
        case message(EventID)
        case incident(IncidentReference)
    }

    /// What the banner says of it: kept as facts, and worded in the desk's language when drawn,
    /// so that `L` turns the banner too.
    public enum Headline: Equatable, Sendable {
        case message(MessagePriority, from: AgencyCode, text: String)
        case incident(Severity, IncidentReference, title: String)
    }

    public var subject: Subject
    public var at: Timestamp
    public var headline: Headline

    public func text(_ l: Localizer) -> String {
        let (head, body) = parts(l)
        return head + " — " + body
    }

    /// What it is (priority, sender, time; or severity and reference), and its text: two fields,
    /// so that an Arabic text cut short keeps its "…" at its own end.
    public func parts(_ l: Localizer) -> (head: String, body: String) {
        switch headline {
        case .message(let priority, let agency, let text): ("\(l(priority)) \(agency) \(l.clock(at))", text)
        case .incident(let severity, let reference, let title): ("\(l(severity)) \(reference)", title)
        }
    }
}

extension DeskState {
    /// Takes in what the store holds now: new alerts ring and join the banner; alerts whose
    /// message was acknowledged by this agency, or whose incident was closed, leave it.
    public mutating func noticeAlerts() {
        let owed = Set(data.flashAwaiting.map { DeskAlert.Subject.message($0.message.id) })
        // The window holds the newest few owed: a message missing from a full window may only have
        // been pushed out by newer ones, and stays until it is acknowledged or opened.
        let windowIsWhole = data.flashAwaiting.count < DeskData.alertWindow
        // Likewise the open extreme incidents: one closed (or no longer extreme) is nothing to miss.
        let extreme = Set(data.newestExtreme.map { DeskAlert.Subject.incident($0.incident.reference) })
        let extremeWindowIsWhole = data.newestExtreme.count < DeskData.alertWindow
        alerts.removeAll { alert in
            switch alert.subject {
            case .message: windowIsWhole && !owed.contains(alert.subject)
            case .incident: extremeWindowIsWhole && !extreme.contains(alert.subject)
            }
        }
        var fresh: [DeskAlert] = []
        for record in data.flashAwaiting where alerted.insert(.message(record.message.id)).inserted {
            let m = record.message
            fresh.append(
                DeskAlert(
                    subject: .message(m.id), at: m.postedAt,
                    headline: .message(
                        m.priority, from: m.agency,
                        text: [m.subject, m.body].compactMap { $0 }.joined(separator: " — "))))
        }
        for record in data.newestExtreme
        where record.incident.openedAt >= startedAt
            && alerted.insert(.incident(record.incident.reference)).inserted
        {
            let i = record.incident
            fresh.append(
                DeskAlert(
                    subject: .incident(i.reference), at: i.openedAt,
                    headline: .incident(i.severity, i.reference, title: i.title)))
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
