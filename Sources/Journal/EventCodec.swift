import QanatCore

/// One decoded journal line: the event, and the hash of the line before it when the writer
/// chained it (Qanat always does; third-party writers may not).
public struct JournalEntry: Equatable, Sendable {
    public var event: Event
    public var previousLineHash: String?
    /// The desk session that sealed the line, and its MAC (`LineSeal`); nil for an unsealed line.
    public var session: String? = nil
    public var mac: String? = nil
}

/// The journal's line format, version 1 (docs/journal-format.md).
public enum EventCodec {
    static let envelopeFields = [
        "v", "id", "at", "agency", "officer", "user", "type", "data", "prev", "session", "mac",
    ]

    /// The line for `event`, without its newline; sealed (`LineSeal`) when a seal is given.
    public static func encode(_ event: Event, previousLineHash: String?, seal: LineSeal? = nil) -> [UInt8] {
        var writer = JSONWriter()
        writer.object([
            .integer("v", 1),
            .string("id", event.id.rawValue),
            .string("at", event.at.rfc3339),
            .string("agency", event.agency.rawValue),
            .string("officer", event.officer),
            .optionalString("user", event.user),
            .string("type", event.type.rawValue),
            .object("data", data(of: event.payload)),
            .optionalString("prev", previousLineHash),
            .optionalString("session", seal?.session),
        ])
        return seal?.sealed(writer.bytes) ?? writer.bytes
    }

    /// The payload alone, as stored beside the event in the database.
    public static func encodeData(_ payload: EventPayload) -> String {
        var writer = JSONWriter()
        writer.object(data(of: payload))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The payload's members, in its schema's order; an optional field it lacks is left out.
    private static func data(of payload: EventPayload) -> [JSONWriter.Member] {
        EventSchemas.values(of: payload).compactMap { field in
            switch field.value {
            case nil: nil
            case .text(let text)?: .string(field.name, text)
            case .integer(let value)?: .integer(field.name, value)
            case .flag(let value)?: .bool(field.name, value)
            case .list(let items)?: .strings(field.name, items)
            }
        }
    }

    /// Decodes one line (without its newline), checking every field a writer must get right.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(LineError) -> JournalEntry {
        if let offset = UTF8Check.firstInvalidByte(line) { throw LineError.invalidUTF8(byteOffset: offset) }
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { throw LineError.syntax(error) }
        let envelope = try FieldReader(path: "", value: value, allowed: envelopeFields)
        guard try envelope.optionalInteger("v") == 1 else {
            let given = envelope.members["v"].map { "\($0)" } ?? ""
            throw LineError.field(ValidationError(field: "v", value: given, problem: .notOneOf(["1"])))
        }
        let id = try envelope.check { () throws(ValidationError) in
            try EventID(try envelopeString(envelope, "id"), field: "id")
        }
        let atText = try envelope.string("at")
        guard let at = Timestamp(rfc3339: atText) else {
            throw LineError.field(
                ValidationError(field: "at", value: atText, problem: .malformed(expected: "an RFC 3339 time")))
        }
        let agencyText = try envelope.string("agency")
        let agency = try envelope.check { () throws(ValidationError) in try AgencyCode(agencyText, field: "agency") }
        let officerText = try envelope.string("officer")
        let officer = try envelope.check { () throws(ValidationError) in
            try TextRule.required(officerText, field: "officer", maximum: Limits.officer)
        }
        let user = try envelope.optionalString("user")
        let typeText = try envelope.string("type")
        let type = try envelope.check { () throws(ValidationError) in try EventType.parse(typeText, field: "type") }
        let payload = try PayloadDecoder.decode(type, from: envelope)
        let session = try envelope.optionalString("session")
        let mac = try envelope.optionalString("mac")
        if let session, !LineSeal.isSessionID(session) {
            throw LineError.field(
                ValidationError(field: "session", value: session, problem: .malformed(expected: "a UUID")))
        }
        if let mac, [UInt8](hex: mac)?.count != 32 || session == nil {
            throw LineError.field(
                ValidationError(
                    field: "mac", value: mac, problem: .malformed(expected: "64 hex digits, after a session")))
        }
        return JournalEntry(
            event: Event(id: id, at: at, agency: agency, officer: officer, user: user, payload: payload),
            previousLineHash: try envelope.optionalString("prev"), session: session, mac: mac)
    }

    public static func decode(_ line: [UInt8]) throws(LineError) -> JournalEntry {
        let result = line.withUnsafeBufferPointer { buffer in
            Result { () throws(LineError) -> JournalEntry in try decode(buffer) }
        }
        return try result.get()
    }

    /// Decodes a payload stored in the database's `data` column.
    public static func decodeData(_ type: EventType, _ data: String) throws(LineError) -> EventPayload {
        var text = data
        let parsed = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try JSONParser.parse(buffer) }
        }
        let value: JSONValue
        do { value = try parsed.get() } catch { throw LineError.syntax(error) }
        let holder = try FieldReader(path: "", value: .object(["data": value]), allowed: ["data"])
        return try PayloadDecoder.decode(type, from: holder)
    }

    private static func envelopeString(_ reader: FieldReader, _ key: String) throws(ValidationError) -> String {
        guard case .string(let text)? = reader.members[key] else {
            throw ValidationError(field: key, value: "", problem: .missing)
        }
        return text
    }
}

enum UTF8Check {
    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            if bytes[i + 1] < lower || bytes[i + 1] > upper { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
