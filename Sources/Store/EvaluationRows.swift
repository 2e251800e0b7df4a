import GRDB
import QanatCore

/// The evaluation's reads: response targets (a projection), response times (read from the
/// incidents, assignments, messages and acknowledgements as they stand) and reports written.
enum EvaluationRows {
    static let tables = ["response_targets"]

    static func write(_ target: ResponseTarget?, metric: ResponseMetric, in db: Database) throws {
        guard let target else {
            return try db.execute(sql: "DELETE FROM response_targets WHERE metric = ?", arguments: [metric.rawValue])
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO response_targets (metric, seconds, percentile) VALUES (?, ?, ?)",
            arguments: [metric.rawValue, target.seconds, target.percentile])
    }

    private static func time(_ row: Row, _ column: String) -> Timestamp? {
        (row[column] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:))
    }

    /// A sample from a row's `start` and `end` columns, each with its event's receipt beside it
    /// (`COLUMN_received`): a time claimed long before its receipt is measured from the receipt.
    private static func sample(_ metric: ResponseMetric, _ row: Row, end: String?) throws -> ResponseSample {
        let start = Event.measured(
            claimed: Timestamp(millisecondsSinceEpoch: row["start"]), received: time(row, "start_received"))
        let finish = end.flatMap { column in
            time(row, column).map { claimed -> (time: Timestamp, byReceipt: Bool) in
                let received = time(row, column + "_received")
                // An answer claimed before what it answers is not believed either.
                if claimed < start.time, let received { return (received, true) }
                return Event.measured(claimed: claimed, received: received)
            }
        }
        return ResponseSample(
            metric: metric, agency: try AgencyCode(row["agency"] as String), subject: row["subject"],
            start: start.time, end: finish?.time, byReceipt: start.byReceipt || finish?.byReceipt == true)
    }

    /// When the store received the event of `type` about incident `reference` claimed at `at` (SQL
    /// expressions on the outer row `f`): how a projection's time finds the event that set it.
    private static func received(_ type: EventType, incident reference: String, at: String) -> String {
        """
        (SELECT min(e.received) FROM events e
         WHERE e.subject = 'incident:' || \(reference) AND e.type = '\(type.rawValue)' AND e.at = \(at))
        """
    }

    /// Every response that started in the period, measured or still waiting.
    static func samples(_ period: PerformancePeriod, in db: Database) throws -> [ResponseSample] {
        let range: StatementArguments = [period.since.millisecondsSinceEpoch, period.until.millisecondsSinceEpoch]
        var samples: [ResponseSample] = []
        // Flash and immediate messages asking for acknowledgement: each agency's earliest (the sender's own does not count).
        // CROSS JOIN keeps the acknowledgements outside: the planner would walk every message of the period by time.
        samples += try Row.fetchAll(
            db,
            sql: """
                SELECT k.message AS subject, k.agency, m.at AS start, k.at AS finish,
                       (SELECT received FROM events WHERE id = m.id) AS start_received,
                       (SELECT received FROM events WHERE id = k.event) AS finish_received
                FROM acknowledgements k CROSS JOIN messages m ON m.id = k.message
                WHERE m.priority IN ('flash', 'immediate') AND m.ack_required = 1 AND k.agency <> m.agency AND m.at BETWEEN ?1 AND ?2
                """, arguments: range
        ).map { try sample(.acknowledge, $0, end: "finish") }
        samples += try Row.fetchAll(
            db,
            sql: """
                SELECT p.message AS subject, p.agency, p.at AS start, (SELECT received FROM events WHERE id = p.message) AS start_received
                FROM pending_acknowledgements p JOIN messages m ON m.id = p.message
                WHERE m.priority IN ('flash', 'immediate') AND p.at BETWEEN ?1 AND ?2
                """, arguments: range
        ).map { try sample(.acknowledge, $0, end: nil) }
        let opened = received(.incidentOpened, incident: "f.subject", at: "f.start")
        // Each incident and each agency whose units were tasked to it: that agency's first unit tasked and arrived.
        for row in try Row.fetchAll(
            db,
            sql: """
                WITH firsts AS (
                  SELECT i.ref AS subject, u.agency, i.opened_at AS start, i.status, min(a.tasked_at) AS tasked,
                         min(a.arrived_at) AS arrived, max(a.arrived_at IS NULL AND a.released_at IS NULL) AS on_the_way
                  FROM incidents i JOIN assignments a ON a.incident = i.ref JOIN units u ON u.call_sign = a.unit
                  WHERE i.opened_at BETWEEN ?1 AND ?2 GROUP BY i.ref, u.agency)
                SELECT f.*, \(opened) AS start_received,
                       \(received(.unitAssigned, incident: "f.subject", at: "f.tasked")) AS tasked_received,
                       \(received(.assignmentArrived, incident: "f.subject", at: "f.arrived")) AS arrived_received
                FROM firsts f
                """, arguments: range)
        {
            samples.append(try sample(.assign, row, end: "tasked"))
            let arrived = (row["arrived"] as Int64?) != nil
            if arrived
                || ((row["on_the_way"] as Bool?) == true && (row["status"] as String) != IncidentStatus.closed.rawValue)
            {
                samples.append(try sample(.arrive, row, end: "arrived"))
            }
        }
        // An incident nothing was assigned to yet waits on its lead agency; its closure is the lead agency's.
        samples += try Row.fetchAll(
            db,
            sql: """
                SELECT f.*, \(opened) AS start_received FROM (
                  SELECT i.ref AS subject, i.lead_agency AS agency, i.opened_at AS start FROM incidents i
                  WHERE i.status <> 'closed' AND i.opened_at BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.incident = i.ref)) f
                """, arguments: range
        ).map { try sample(.assign, $0, end: nil) }
        samples += try Row.fetchAll(
            db,
            sql: """
                SELECT f.*, \(opened) AS start_received,
                       \(received(.incidentStatusChanged, incident: "f.subject", at: "f.closed")) AS closed_received FROM (
                  SELECT ref AS subject, lead_agency AS agency, opened_at AS start, CASE WHEN status = 'closed' THEN status_at END AS closed
                  FROM incidents WHERE opened_at BETWEEN ?1 AND ?2) f
                """, arguments: range
        ).map { try sample(.close, $0, end: "closed") }
        return samples
    }
}

extension SQLiteStore {
    /// The targets a supervisor set, in the metrics' order.
    public func responseTargets() throws(StoreError) -> [ResponseTarget] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT metric, seconds, percentile FROM response_targets").compactMap {
                row -> ResponseTarget? in
                guard let metric = ResponseMetric(rawValue: row["metric"]) else { return nil }
                return ResponseTarget(metric: metric, seconds: row["seconds"], percentile: row["percentile"])
            }.sorted {
                ResponseMetric.allCases.firstIndex(of: $0.metric) ?? 0 < ResponseMetric.allCases.firstIndex(
                    of: $1.metric) ?? 0
            }
        }
    }

    /// The responses that started in `period`, measured or waiting (see `EvaluationRows.samples`).
    public func responseSamples(_ period: PerformancePeriod) throws(StoreError) -> [ResponseSample] {
        try read { db in try EvaluationRows.samples(period, in: db) }
    }

    /// The reports recorded as written with these bytes' SHA-256, oldest first.
    public func reportsWritten(sha256: String) throws(StoreError) -> [Event] {
        try read { db in try EventRows.events(of: .report(sha256: sha256), in: db, includingSecondary: false) }
    }
}
