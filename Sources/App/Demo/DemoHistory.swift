import QanatChannel
import QanatCore
import QanatStore

/// Eight weeks of closed incidents and a weekly acknowledged flash message behind the demo's storm, each
/// week a little quicker, and the targets a supervisor set: the performance board (F7) then
/// shows percentiles, a miss or two and a trend. Written through the journal, dated in the past.
struct DemoHistory {
    let store: SQLiteStore
    let journalPath: String

    private func record(_ officer: String, _ agency: String, at time: Timestamp, _ payload: EventPayload) throws {
        var session = WriteSession(journalPath: journalPath, officer: officer, store: store)
        try session.record(
            Event(
                id: .make(at: time), at: time, agency: try AgencyCode(agency), officer: officer, user: UnixUser.current,
                payload: payload))
    }

    func seed(now: Timestamp) throws {
        try seedTargets()
        let week: Int64 = 7 * 86_400
        let units: [(String, String)] = [
            ("CD-DRN-01", "CD"), ("LRC-BGZ-07", "LRC"), ("MOH-BYD-02", "MOH"), ("CD-BYD-04", "CD"),
        ]
        let areas = ["derna", "benghazi", "al-bayda", "susa"]
        let types: [(IncidentType, String)] = [
            (.flashFlood, "Underpass flooded"), (.roadClosed, "Road blocked by sand"),
            (.storm, "Roofs torn off by the wind"), (.fire, "Warehouse fire"),
        ]
        let acknowledging = ["CD", "LRC", "MOH"]
        for weeksAgo in stride(from: 8, through: 1, by: -1) {
            // Later weeks answer faster: a desk that trained shows it in the trend.
            let slowness = Int64(weeksAgo)
            for n in 0..<3 {
                let index = (8 - weeksAgo) * 3 + n
                let opened = now.adding(seconds: -Int64(weeksAgo) * week + Int64(n) * 2 * 86_400 + 3600)
                let reference = try Actions(context: try store.writeContext(), store: store).nextIncidentReference()
                let (unit, agency) = units[index % units.count]
                let lead = try AgencyCode(agency)
                try record(
                    "duty officer", "NCEMC", at: opened,
                    .incidentOpened(
                        IncidentOpening(
                            reference: reference, title: types[index % types.count].1,
                            type: types[index % types.count].0,
                            severity: Severity.allCases[index % 3], area: areas[index % areas.count], leadAgency: lead))
                )
                let link = AssignmentLink(incident: reference, unit: try CallSign(unit))
                try record(
                    "duty officer", agency, at: opened.adding(seconds: 60 + slowness * 40 + Int64(n) * 30),
                    .assignment(.tasked, link))
                try record(
                    "radio room", agency, at: opened.adding(seconds: 500 + slowness * 120 + Int64(n) * 90),
                    .assignment(.arrived, link))
                try record("radio room", agency, at: opened.adding(seconds: 7200), .assignment(.released, link))
                // Back at its base: a released unit is returning until it says it is available.
                try record(
                    "radio room", agency, at: opened.adding(seconds: 9000),
                    .unitStatusChanged(UnitStatusChange(callSign: link.unit, status: .available)))
                try record(
                    "duty officer", agency, at: opened.adding(seconds: 10_800 + slowness * 7200),
                    .incidentStatusChanged(
                        IncidentStatusChange(reference: reference, status: .closed, note: "handled")))
                // One readiness check a week: enough for the trend, not a log full of them.
                guard n == 0 else { continue }
                let posted = opened.adding(seconds: 300)
                let flash = Event(
                    id: .make(at: posted), at: posted, agency: try AgencyCode("NCEMC"), officer: "Huda",
                    user: UnixUser.current,
                    payload: .messagePosted(
                        MessagePosting(
                            recipients: .agencies(try acknowledging.map { try AgencyCode($0) }),
                            priority: .flash, channel: .radio, subject: nil,
                            body: "Readiness check, week \(9 - weeksAgo): report your units",
                            incident: reference, acknowledgementRequired: true)))
                var session = WriteSession(journalPath: journalPath, officer: "Huda", store: store)
                try session.record(flash)
                for (k, agency) in acknowledging.enumerated() {
                    try record(
                        "duty officer", agency, at: posted.adding(seconds: 15 + slowness * 9 + Int64(k) * 25),
                        .messageAcknowledged(MessageAcknowledgement(message: flash.id)))
                }
            }
        }
    }

    /// NFPA 1225's 60 s for call processing, and the desk's own for the rest.
    private func seedTargets() throws {
        var session = WriteSession(journalPath: journalPath, officer: "Huda", store: store)
        for (metric, seconds, percentile) in [
            ("acknowledge", 60, 90), ("assign", 300, 90), ("arrive", 1200, 90), ("close", 86_400, 50),
        ] {
            try session.record(
                try session.event(
                    try session.actions().setTarget(
                        metric: metric, seconds: seconds, percentile: percentile,
                        actingAgency: "MOI")))
        }
    }
}
