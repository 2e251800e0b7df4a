/// An event's UUID in canonical lower-case text. It is the key of exactly-once ingest, and the
/// tie-breaker of last-writer-wins after the timestamp.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts any RFC 4122 textual UUID (8-4-4-4-12 hex digits, either case). Every row the
    /// desk reads carries one, so this looks at each byte once and allocates only to lower case.
    public init(_ text: String, field: String = "id") throws(ValidationError) {
        // Over the bytes in place: iterating the string's UTF-8 view cost the desk's reads
        // 3,500 instructions an id.
        let shape = text.utf8.withContiguousStorageIfAvailable(Self.shape) ?? Self.shape(Array(text.utf8))
        guard shape != .invalid else {
            throw ValidationError(field: field, value: text, problem: .malformed(expected: "a UUID"))
        }
        rawValue = shape == .upperCase ? text.lowercased() : text
    }

    private enum Shape { case invalid, lowerCase, upperCase }

    private static func shape<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Shape where Bytes.Index == Int {
        guard bytes.count == 36 else { return .invalid }
        var upper = false
        for index in 0..<36 {
            let byte = bytes[bytes.startIndex + index]
            switch (index, byte) {
            case (8, 45), (13, 45), (18, 45), (23, 45): continue
            case (8, _), (13, _), (18, _), (23, _): return .invalid
            case (_, 48...57), (_, 97...102): continue
            case (_, 65...70): upper = true
            default: return .invalid
            }
        }
        return upper ? .upperCase : .lowerCase
    }

    /// A version-7 UUID: the time first, so new events land at the end of the store's index.
    public static func make<G: RandomNumberGenerator>(at time: Timestamp, using generator: inout G) -> EventID {
        var bytes = [UInt8](repeating: 0, count: 16)
        let millis = UInt64(bitPattern: time.millisecondsSinceEpoch)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * UInt64(i))) }
        for i in 6..<16 { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        let hex = bytes.map { b in String(b, radix: 16).leftPadded(to: 2) }
        let text = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
            .map { $0.joined() }.joined(separator: "-")
        return EventID(canonical: text)
    }

    public static func make(at time: Timestamp) -> EventID {
        var generator = SystemRandomNumberGenerator()
        return make(at: time, using: &generator)
    }

    private init(canonical: String) { rawValue = canonical }

    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
