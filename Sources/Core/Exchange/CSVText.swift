/// RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; quotes doubled.
public enum CSVText {
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    public static func field(_ text: String) -> String {
        let text = neutralised(text)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
    /// first: OWASP's CSV injection) is written after a `'`, which spreadsheets show as text; a
    /// number stays a number. A cell that would read as one so marked gets a mark too, so that
    /// `unneutralised` gives every text back exactly.
    public static func neutralised(_ text: String) -> String {
        runsAsFormula(Substring(text)) ? "'" + text : text
    }

    /// A cell as it was before `neutralised` (an import of what Qanat exported).
    public static func unneutralised(_ text: String) -> String {
        guard text.first == "'", runsAsFormula(text.dropFirst()) else { return text }
        return String(text.dropFirst())
    }

    private static func runsAsFormula(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if first == "'" { return runsAsFormula(text.dropFirst()) }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) && Double(text) == nil
    }

    /// A CSV text's records, each with the line it starts on (1-based). A quoted field may span
    /// lines; a quote left open at the end is an error naming the line it opened on.
    public static func records(_ text: String) throws(CSVError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            wasQuoted = false
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let after = next() {
                        if after == "\"" {
                            field.unicodeScalars.append("\"")
                            continue
                        }
                        quoted = false
                        pending = after
                    } else {
                        quoted = false
                    }
                    continue
                }
                if scalar == "\n" { line += 1 }
                field.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                if let after = next(), after != "\n" { pending = after }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw CSVError(line: quoteLine, problem: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}

public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var problem: String
    public var description: String { "line \(line): \(problem)" }
}
