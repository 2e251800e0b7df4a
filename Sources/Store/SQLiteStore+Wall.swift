import GRDB
import QanatCore

extension SQLiteStore {
    /// The wall's counters and its latest flash and immediate messages, in one read transaction
    /// so the figures agree with each other.
    public func wallFigures(latest: Int) throws(StoreError) -> WallFigures {
        try read { db in
            var figures = WallFigures()
            // Kept by triggers (v9): a scan of 100,000 open incidents took 60 ms on every change.
            for row in try Row.fetchAll(db, sql: "SELECT severity, n FROM open_incident_counts WHERE n > 0") {
                if let severity = Severity(rawValue: row["severity"]) { figures.openIncidents[severity] = row["n"] }
            }
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM units GROUP BY status") {
                switch UnitStatus(rawValue: row["status"]) {
                case .available: figures.unitsAvailable += row["n"] as Int
                case .assigned, .enRoute, .onScene: figures.unitsCommitted += row["n"] as Int
                default: break
                }
            }
            figures.unacknowledgedUrgent =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM (
                          SELECT DISTINCT p.message FROM \(PendingAcknowledgements.table) p JOIN messages m ON m.id = p.message
                          WHERE m.priority IN ('flash', 'immediate') LIMIT ?)
                        """, arguments: [WallFigures.unacknowledgedCap]) ?? 0
            // Newest first along the time index; flash and immediate are a small share of the log.
            let urgent = try MessageRows.messages(
                db,
                sql: """
                    SELECT \(MessageRows.columns()) FROM messages WHERE priority IN ('flash', 'immediate') ORDER BY at DESC, id DESC LIMIT ?
                    """, arguments: [latest])
            figures.latestUrgent = try Self.withAcknowledgements(urgent, in: db)
            // Along the index of flash messages that ask for acknowledgement (v7), among the newest
            // 500 of them: a wall need not walk years of acknowledged ones to find none.
            let pinned = try MessageRows.messages(
                db,
                sql: """
                    SELECT \(MessageRows.columns(of: "m")) FROM (
                      SELECT * FROM messages WHERE priority = 'flash' AND ack_required = 1 ORDER BY at DESC, id DESC LIMIT 500) m
                    WHERE EXISTS (SELECT 1 FROM \(PendingAcknowledgements.table) p WHERE p.message = m.id)
                    ORDER BY m.at DESC, m.id DESC LIMIT ?
                    """, arguments: [latest])
            figures.pinnedFlash = try Self.withAcknowledgements(pinned, in: db)
            figures.lastEventAt = try Int64.fetchOne(db, sql: "SELECT at FROM events ORDER BY seq DESC LIMIT 1")
                .map(Timestamp.init(millisecondsSinceEpoch:))
            return figures
        }
    }

    /// True when `qanat init --exercise` made this store: every screen then says EXERCISE.
    public func isExercise() throws(StoreError) -> Bool {
        try setting(Self.exerciseSetting) == "true"
    }

    public static let exerciseSetting = "exercise"
}
