/// A hashtag of the Humanitarian Exchange Language: `#org+impl+code` is the tag `org` with the
/// attributes `impl` and `code`, in any order and case.
public struct HXLHashtag: Equatable, Sendable, CustomStringConvertible {
    public var tag: String
    public var attributes: Set<String>

    /// nil for a cell that is no hashtag (HXL leaves such columns untagged).
    public init?(_ text: String) {
        let compact = String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
        guard compact.hasPrefix("#") else { return nil }
        let parts = compact.dropFirst().split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard let tag = parts.first, !tag.isEmpty,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
        else { return nil }
        self.tag = tag
        attributes = Set(parts.dropFirst())
    }

    /// As written in an export: the attributes in the order given.
    public var description: String { "#" + ([tag] + attributes.sorted()).joined(separator: "+") }
}

/// One column of an HXL table Qanat writes and reads: its header, its hashtag, the attributes a
/// file's column must not have to be taken for it (`#org+code` is not `#org+impl+code`).
public struct HXLColumn: Sendable {
    public var key: String
    public var header: String
    public var tag: String
    public var attributes: [String]
    public var excluding: [String]
    /// Written on export, not read back (a name shown beside a code, a computed figure).
    public var exportOnly: Bool

    init(_ key: String, _ header: String, _ hashtag: String, excluding: [String] = [], exportOnly: Bool = false) {
        self.key = key
        self.header = header
        let parts = hashtag.dropFirst().split(separator: "+").map(String.init)
        tag = parts[0]
        attributes = Array(parts.dropFirst())
        self.excluding = excluding
        self.exportOnly = exportOnly
    }

    public var hashtag: String { "#" + ([tag] + attributes).joined(separator: "+") }

    func matches(_ hashtag: HXLHashtag) -> Bool {
        hashtag.tag == tag && Set(attributes).isSubset(of: hashtag.attributes)
            && hashtag.attributes.isDisjoint(with: excluding)
    }
}

/// What Qanat exchanges as HXL 1.1 CSV: the 3W, the needs and the organisations.
public enum HXLKind: String, NamedValue {
    case activities, needs, organisations

    /// Lists inside one cell.
    public static let listSeparator = " | "

    public var columns: [HXLColumn] {
        let places = [
            HXLColumn("district", "District", "#adm1+name"), HXLColumn("districtCode", "District P-code", "#adm1+code"),
            HXLColumn("area", "Area", "#adm2+name"), HXLColumn("areaCode", "Area P-code", "#adm2+code"),
        ]
        switch self {
        case .activities:
            return [
                HXLColumn("id", "Activity ID", "#activity+code"),
                HXLColumn("org", "Organisation", "#org+code", excluding: ["impl"]),
                HXLColumn("orgName", "Organisation name", "#org+name", excluding: ["impl"], exportOnly: true),
                HXLColumn("implementer", "Implementing organisation", "#org+impl+code"),
                HXLColumn("sector", "Sector", "#sector"),
                HXLColumn("what", "Activity", "#activity+name"),
            ] + places
                + [
                    HXLColumn("start", "Start", "#date+start"), HXLColumn("end", "End", "#date+end"),
                    HXLColumn("status", "Status", "#status"),
                    HXLColumn("targeted", "People targeted", "#targeted"),
                    HXLColumn("reached", "People reached", "#reached"),
                    HXLColumn("needs", "Needs answered", "#meta+needs"),
                ]
        case .needs:
            return [HXLColumn("id", "Need ID", "#meta+id")] + places
                + [
                    HXLColumn("sector", "Sector", "#sector"), HXLColumn("what", "What is needed", "#item+name"),
                    HXLColumn("quantity", "Quantity", "#item+needed+num"),
                    HXLColumn("unit", "Unit of measure", "#item+unit"),
                    HXLColumn("people", "People in need", "#inneed"), HXLColumn("priority", "Priority", "#priority"),
                    HXLColumn("status", "Status", "#status"), HXLColumn("org", "Reported by", "#org+code"),
                    HXLColumn("incident", "Incident", "#crisis+code"),
                    HXLColumn("reported", "Reported", "#date+reported"),
                    HXLColumn("covered", "Covered", "#item+covered+num", exportOnly: true),
                ]
        case .organisations:
            return [
                HXLColumn("code", "Code", "#org+code"), HXLColumn("kind", "Type", "#org+type"),
                HXLColumn("nameEn", "Name (English)", "#org+name+i_en"),
                HXLColumn("nameAr", "Name (Arabic)", "#org+name+i_ar"),
                HXLColumn("registration", "Registration", "#meta+registration"),
                HXLColumn("areas", "Areas (P-codes)", "#adm2+code+list"),
                HXLColumn("sectors", "Sectors", "#sector+list"),
                HXLColumn("focal", "Focal points (name;phone;radio)", "#contact+list"),
                HXLColumn("capabilities", "Capabilities", "#capacity+list"), HXLColumn("status", "Status", "#status"),
            ]
        }
    }

    /// The header row and the hashtag row.
    public var headRows: [[String]] { [columns.map(\.header), columns.map(\.hashtag)] }
}

/// A file's HXL table: where its hashtag row is and which of its columns feeds each of ours.
public struct HXLTable: Sendable {
    public var kind: HXLKind
    /// Each of our keys to its column in the file.
    public var columnOf: [String: Int]
    /// The line (1-based) of the hashtag row; data follows it.
    public var hashtagLine: Int

    /// Finds the hashtag row among the first rows (HXL allows header rows above it).
    public init(kind: HXLKind, records: [(line: Int, fields: [String])]) throws(HXLError) {
        guard
            let row = records.prefix(25).first(where: { record in
                let tagged = record.fields.filter { !$0.trimmingSpaces().isEmpty }
                return !tagged.isEmpty && tagged.allSatisfy { HXLHashtag($0) != nil }
            })
        else {
            throw HXLError(
                line: 1, problem: "no hashtag row (#org, #sector, ...) in the first 25 rows: not an HXL file")
        }
        self.kind = kind
        hashtagLine = row.line
        var columnOf: [String: Int] = [:]
        for column in kind.columns where !column.exportOnly {
            // The most specific hashtag wins when several match (`#org+code` before `#org`).
            let candidates = row.fields.enumerated().compactMap { index, text in HXLHashtag(text).map { (index, $0) } }
                .filter { column.matches($0.1) }
            if let best = candidates.min(by: { $0.1.attributes.count < $1.1.attributes.count }) {
                columnOf[column.key] = best.0
            }
        }
        self.columnOf = columnOf
    }

    /// One data row's values by our keys; a missing or blank cell is absent.
    public func values(_ fields: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for (key, index) in columnOf where index < fields.count {
            let value = CSVText.unneutralised(fields[index].trimmingSpaces())
            if !value.isEmpty { values[key] = value }
        }
        return values
    }

    public static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } }
    }
}

public struct HXLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var problem: String
    public var description: String { "line \(line): \(problem)" }
}
