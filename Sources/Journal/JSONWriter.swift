/// Writes compact JSON (journal lines, rejects, `--json` output) with members in the order they are given, so a journal line is
/// canonical and its hash is stable. Strings escape C0, DEL, C1, line/paragraph separators and
/// bidi controls, so that `cat journal.jsonl` on a terminal cannot be hijacked by a line.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(512) }

    public enum Member {
        case string(String, String)
        case optionalString(String, String?)
        case integer(String, Int)
        case optionalInteger(String, Int?)
        case bool(String, Bool)
        case strings(String, [String])
        case object(String, [Member])
        case objects(String, [[Member]])
    }

    public mutating func object(_ members: [Member]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for member in members {
            switch member {
            case .optionalString(_, nil), .optionalInteger(_, nil): continue
            default: break
            }
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            switch member {
            case .string(let key, let value), .optionalString(let key, .some(let value)):
                memberKey(key)
                string(value)
            case .integer(let key, let value), .optionalInteger(let key, .some(let value)):
                memberKey(key)
                bytes.append(contentsOf: String(value).utf8)
            case .bool(let key, let value):
                memberKey(key)
                bytes.append(contentsOf: (value ? "true" : "false").utf8)
            case .strings(let key, let values):
                memberKey(key)
                array(values) { writer, value in writer.string(value) }
            case .object(let key, let members):
                memberKey(key)
                object(members)
            case .objects(let key, let list):
                memberKey(key)
                array(list) { writer, members in writer.object(members) }
            case .optionalString(_, nil), .optionalInteger(_, nil):
                break
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func memberKey(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                bytes.append(contentsOf: "\\u".utf8)
                bytes.append(contentsOf: String(scalar.value, radix: 16).leftPadded(to: 4).utf8)
            case 0x20..<0x80:
                bytes.append(UInt8(scalar.value))
            default:
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
