import PostgresNIO
import QanatCore
import QanatJournal

/// How far a site has read the hub: the last row's transaction id and sequence number. Rows are
/// read in that order, and only rows of transactions older than every transaction still running
/// (below the snapshot's xmin): a row that commits late has a transaction id no reader has passed,
/// so none is skipped, as reading by the sequence alone would.
struct HubWatermark: CustomStringConvertible, Equatable {
    var transaction: String
    var sequence: Int64

    init(transaction: String, sequence: Int64) {
        self.transaction = transaction
        self.sequence = sequence
    }

    /// As the store keeps it (`TX:SEQ`); the start of the hub when nothing was read.
    init(_ stored: String?) {
        let parts = (stored ?? "").split(separator: ":")
        if parts.count == 2, parts[0].allSatisfy(\.isASCIIDigit), let sequence = Int64(parts[1]) {
            self.init(transaction: String(parts[0]), sequence: sequence)
        } else {
            self.init(transaction: "0", sequence: 0)
        }
    }

    var description: String { "\(transaction):\(sequence)" }
}

/// One batch of other sites' events from the hub, each through the origin gate: the line must be
/// the event the row says (the same id) and its origin must host the agency it speaks for.
struct HubPull {
    let site: SiteCode
    let registry: SiteRegistry
    /// This site's own events too: a site made again after its disk was lost learns them back.
    var includingOwn = false

    struct Taken {
        var accepted: [Event] = []
        var refused: [RejectsFile.Rejection] = []
        /// Past the last row read; nil when there was none.
        var watermark: HubWatermark?
        /// The lines' bytes, for the link's pace.
        var bytes = 0
    }

    /// Rows past `watermark`, at most `limit` of them and `bytes` of lines (always the first).
    func take(after watermark: HubWatermark, limit: Int, bytes: Int, on connection: PostgresConnection) async throws
        -> Taken
    {
        let rows = try await connection.query(
            """
            SELECT tx::text, seq, origin, id, line, received, (extract(epoch FROM pushed) * 1000)::bigint FROM (
              SELECT tx, seq, origin, id, line, received, pushed,
                sum(octet_length(line)) OVER (ORDER BY tx, seq) - octet_length(line) AS before
              FROM qanat.events
              WHERE (tx, seq) > (\(watermark.transaction)::xid8, \(watermark.sequence))
                AND tx < pg_snapshot_xmin(pg_current_snapshot()) AND (\(includingOwn) OR origin <> \(site.rawValue))
              ORDER BY tx, seq LIMIT \(limit)
            ) batch
            WHERE before = 0 OR before + octet_length(line) <= \(bytes)
            ORDER BY tx, seq
            """, logger: HubSession.logger)
        var taken = Taken()
        for try await (tx, seq, origin, id, line, received, pushed) in rows.decode(
            (String, Int64, String, String, String, Int64?, Int64).self)
        {
            taken.watermark = HubWatermark(transaction: tx, sequence: seq)
            taken.bytes += line.utf8.count
            do {
                taken.accepted.append(
                    try admitted(origin: origin, id: id, line: line, received: received, pushed: pushed))
            } catch {
                // A line past a journal line's limit (a hub whose constraint was dropped) is kept only in part.
                let kept = line.utf8.count > Limits.journalLine ? Array(line.utf8.prefix(4096)) : Array(line.utf8)
                taken.refused.append(
                    RejectsFile.Rejection(
                        journal: "hub", line: Int(clamping: seq), offset: 0,
                        reason: "from the hub (row \(seq), site \(origin)): \(error)", bytes: kept))
            }
        }
        return taken
    }

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    /// The row's event, or why it is refused. Its dates are judged against when the hub took it
    /// in (`pushed`, the hub's own column), not against this site's clock: every site, now or in a
    /// year, comes to the same verdict on the same row.
    func admitted(origin: String, id: String, line: String, received: Int64?, pushed: Int64) throws -> Event {
        guard line.utf8.count <= Limits.journalLine else {
            throw Refused(description: "a line of \(line.utf8.count) bytes, over \(Limits.journalLine)")
        }
        let code: SiteCode
        do { code = try SiteCode(origin, field: "origin") } catch { throw Refused(description: "\(error)") }
        let entry: JournalEntry
        do { entry = try EventCodec.decode(Array(line.utf8)) } catch { throw Refused(description: "\(error)") }
        guard entry.event.id.rawValue == id else {
            throw Refused(description: "the row says event \(id), its line is event \(entry.event.id)")
        }
        do { try registry.check(origin: code, agency: entry.event.agency) } catch {
            throw Refused(description: "\(error)")
        }
        var event = entry.event
        let latest = pushed + Limits.futureSkew * 1000
        guard event.at.millisecondsSinceEpoch <= latest else {
            throw Refused(description: "dated \(event.at.rfc3339), after the hub took it in")
        }
        if let received, received > latest {
            throw Refused(description: "received after the hub took it in")
        }
        event.origin = code
        event.received = received.flatMap { $0 > 0 ? Timestamp(millisecondsSinceEpoch: $0) : nil }
        return event
    }
}
