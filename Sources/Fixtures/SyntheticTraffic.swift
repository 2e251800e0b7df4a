import Foundation
import QanatCore
import QanatJournal

/// Synthetic radio-room traffic for tests and benchmarks: what an SMS gateway would append.
public enum SyntheticTraffic {
    /// Calls `body` with `count` message events, 10 ms apart, from the seeded agencies in turn.
    /// One in 50 is a flash message to the next agency that must be acknowledged (and is not).
    public static func forEachMessage(count: Int, _ body: (Event) throws -> Void) rethrows {
        var rng = SystemRandomNumberGenerator()
        let agencies = Agency.seed.map(\.code)
        for i in 0..<count {
            let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + Int64(i) * 10)
            let urgent = i % 50 == 49
            try body(
                Event(
                    id: .make(at: at, using: &rng), at: at, agency: agencies[i % agencies.count],
                    officer: "SMS gateway", user: nil,
                    payload: .messagePosted(
                        MessagePosting(
                            recipients: urgent ? .agencies([agencies[(i + 1) % agencies.count]]) : .everyone,
                            priority: urgent ? .flash : .routine, channel: .sms, subject: nil,
                            // Half in Arabic, as on the real channel: the desk reorders and shapes those.
                            body: i % 2 == 0
                                ? "report \(i) from the field: road open, water level falling"
                                : "بلاغ \(i) من الميدان: الطريق مفتوح، منسوب المياه ينخفض", incident: nil,
                            acknowledgementRequired: urgent))))
        }
    }

    /// Calls `body` with `count` incident openings across types, severities and areas (references
    /// in 2025, so they never meet the current year's numbering).
    public static func forEachIncident(count: Int, _ body: (Event) throws -> Void) rethrows {
        var rng = SystemRandomNumberGenerator()
        let agencies = Agency.seed.map(\.code)
        let areas = Gazetteer.libya.areas
        for i in 0..<count {
            let at = Timestamp(millisecondsSinceEpoch: 1_760_000_000_000 + Int64(i) * 1000)
            let type = IncidentType.allCases[i % IncidentType.allCases.count]
            try body(
                Event(
                    id: .make(at: at, using: &rng), at: at, agency: agencies[i % agencies.count], officer: "radio room",
                    user: nil,
                    payload: .incidentOpened(
                        IncidentOpening(
                            reference: IncidentReference(year: 2025, number: i + 1),
                            title: i % 2 == 0 ? "\(type.rawValue) report \(i)" : "بلاغ \(i): سيول وأمطار في الوادي",
                            type: type, severity: Severity.allCases[i % 4], area: areas[i % areas.count].id))))
        }
    }

    /// Writes `count` message events to `path` as unchained third-party lines.
    public static func writeMessageJournal(count: Int, to path: String) throws {
        try writeJournal(to: path) { emit in try forEachMessage(count: count, emit) }
    }

    public static func writeIncidentJournal(count: Int, to path: String) throws {
        try writeJournal(to: path) { emit in try forEachIncident(count: count, emit) }
    }

    private static func writeJournal(to path: String, _ events: ((Event) throws -> Void) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { handle.closeFile() }
        var buffer: [UInt8] = []
        try events { event in
            buffer += EventCodec.encode(event, previousLineHash: nil)
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }
}
