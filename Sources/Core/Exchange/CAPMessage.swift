/// A CAP 1.2 alert as read: what an import needs of it, checked, with the element named when
/// something is missing or wrong. The XML itself is parsed by the caller (Core reads no files).
public struct CAPMessage: Equatable, Sendable {
    public struct Info: Equatable, Sendable {
        public var language: String
        public var category: String
        public var event: String
        public var urgency: String
        public var severity: String
        public var certainty: String
        public var headline: String?
        public var description: String?
        public var areaDescription: String
        public var geocodes: [String]
        /// The centre of the first circle or polygon, when the area has one.
        public var centre: (latitude: Double, longitude: Double)?
        /// Every polygon, circle and geocode of every area, with its element: what says where the alert is.
        public var placements: [Placement] = []

        public static func == (a: Info, b: Info) -> Bool {
            a.language == b.language && a.category == b.category && a.event == b.event && a.urgency == b.urgency
                && a.severity == b.severity
                && a.certainty == b.certainty && a.headline == b.headline && a.description == b.description
                && a.areaDescription == b.areaDescription && a.geocodes == b.geocodes
                && a.centre?.latitude == b.centre?.latitude && a.centre?.longitude == b.centre?.longitude
        }
    }

    /// Where one element of an alert's area puts it.
    public struct Placement: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// A circle's centre and radius.
            case circle(Point, radiusKilometres: Double)
            /// A polygon's points.
            case polygon([Point])
            /// A geocode's scheme (`valueName`) and value.
            case geocode(scheme: String, value: String)
        }

        public struct Point: Equatable, Sendable {
            public var latitude: Double
            public var longitude: Double
        }

        /// Where the element is centred: a circle's centre, a polygon's centroid (its area's, so
        /// that crowding points on one edge does not move it).
        public var centre: Point? {
            switch kind {
            case .circle(let centre, _): return centre
            case .polygon(let points): return Self.centroid(points)
            case .geocode: return nil
            }
        }

        static func centroid(_ points: [Point]) -> Point? {
            guard let first = points.first else { return nil }
            var area = 0.0
            var x = 0.0
            var y = 0.0
            for (a, b) in zip(points, points.dropFirst() + [first]) {
                let cross = a.longitude * b.latitude - b.longitude * a.latitude
                area += cross
                x += (a.longitude + b.longitude) * cross
                y += (a.latitude + b.latitude) * cross
            }
            guard abs(area) > 1e-12 else {  // a line or a point: the mean of its points
                return Point(
                    latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
                    longitude: points.map(\.longitude).reduce(0, +) / Double(points.count))
            }
            return Point(latitude: y / (3 * area), longitude: x / (3 * area))
        }

        /// `alert/info[1]/area[2]/polygon`.
        public var element: String
        /// The area's `areaDesc`, to name it.
        public var areaDescription: String
        public var kind: Kind
    }

    /// The namespaces of the versions read: CAP 1.2, and 1.1, whose elements an import uses are the same.
    public static let namespaces = ["urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1"]

    public var identifier: String
    public var sender: String
    public var sent: String
    public var status: String
    public var messageType: String
    /// The identifiers of the alerts it follows (`sender,identifier,sent` entries).
    public var references: [(sender: String, identifier: String)]
    public var infos: [Info]

    public static func == (a: CAPMessage, b: CAPMessage) -> Bool {
        a.identifier == b.identifier && a.sender == b.sender && a.sent == b.sent && a.status == b.status
            && a.messageType == b.messageType
            && a.references.map { "\($0.sender),\($0.identifier)" }
                == b.references.map { "\($0.sender),\($0.identifier)" }
            && a.infos == b.infos
    }

    /// An element of the alert as parsed: its name, text and children.
    public struct Element: Sendable {
        public var name: String
        public var text: String
        public var children: [Element]
        public var namespace: String?

        public init(name: String, text: String = "", children: [Element] = [], namespace: String? = nil) {
            self.name = name
            self.text = text
            self.children = children
            self.namespace = namespace
        }

        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        func value(_ name: String) -> String? {
            child(name).map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Reads an alert from its root element, or names what is wrong (`alert/info[2]/severity`).
    public init(_ root: Element) throws(CAPError) {
        guard root.name == "alert" else {
            throw CAPError(element: root.name, problem: "the root element is not a CAP alert")
        }
        guard let namespace = root.namespace, Self.namespaces.contains(namespace) else {
            throw CAPError(
                element: "alert",
                problem:
                    "namespace '\(root.namespace ?? "")' is neither CAP 1.2's nor 1.1's (\(Self.namespaces.joined(separator: ", ")))"
            )
        }
        func required(_ element: Element, _ name: String, at path: String) throws(CAPError) -> String {
            guard let value = element.value(name) else {
                throw CAPError(element: "\(path)/\(name)", problem: "missing")
            }
            return value
        }
        func oneOf(_ value: String, _ allowed: [String], at path: String) throws(CAPError) -> String {
            guard allowed.contains(value) else {
                throw CAPError(element: path, problem: "'\(value)' is not one of: \(allowed.joined(separator: ", "))")
            }
            return value
        }
        identifier = try required(root, "identifier", at: "alert")
        sender = try required(root, "sender", at: "alert")
        sent = try required(root, "sent", at: "alert")
        status = try oneOf(
            try required(root, "status", at: "alert"), ["Actual", "Exercise", "System", "Test", "Draft"],
            at: "alert/status")
        messageType = try oneOf(
            try required(root, "msgType", at: "alert"), ["Alert", "Update", "Cancel", "Ack", "Error"],
            at: "alert/msgType")
        references = (root.value("references") ?? "").split(separator: " ").compactMap { entry in
            let parts = entry.split(separator: ",").map(String.init)
            return parts.count >= 2 ? (parts[0], parts[1]) : nil
        }
        if messageType != "Alert", references.isEmpty {
            throw CAPError(element: "alert/references", problem: "an \(messageType) must name the alert it follows")
        }
        var infos: [Info] = []
        for (index, info) in root.all("info").enumerated() {
            let path = "alert/info[\(index + 1)]"
            guard let area = info.child("area") else { throw CAPError(element: "\(path)/area", problem: "missing") }
            let placements = try Self.placements(info, at: path)
            let geocodes = placements.compactMap { if case .geocode(_, let value) = $0.kind { value } else { nil } }
            let centre = placements.lazy.compactMap { $0.centre.map { ($0.latitude, $0.longitude) } }.first
            infos.append(
                Info(
                    language: info.value("language") ?? "en-US",
                    category: try required(info, "category", at: path),
                    event: try required(info, "event", at: path),
                    urgency: try oneOf(
                        try required(info, "urgency", at: path),
                        ["Immediate", "Expected", "Future", "Past", "Unknown"], at: "\(path)/urgency"),
                    severity: try oneOf(
                        try required(info, "severity", at: path),
                        ["Extreme", "Severe", "Moderate", "Minor", "Unknown"], at: "\(path)/severity"),
                    certainty: try oneOf(
                        try required(info, "certainty", at: path),
                        ["Observed", "Likely", "Possible", "Unlikely", "Unknown"],
                        at: "\(path)/certainty"),
                    headline: info.value("headline"), description: info.value("description"),
                    areaDescription: try required(area, "areaDesc", at: "\(path)/area"), geocodes: geocodes,
                    centre: centre.map { (latitude: $0.0, longitude: $0.1) }, placements: placements))
        }
        guard !infos.isEmpty || messageType == "Cancel" else {
            throw CAPError(element: "alert/info", problem: "missing")
        }
        self.infos = infos
    }

    /// Every polygon, circle and geocode of an info's areas, in the schema's order.
    private static func placements(_ info: Element, at path: String) throws(CAPError) -> [Placement] {
        var out: [Placement] = []
        for (index, area) in info.all("area").enumerated() {
            let at = "\(path)/area[\(index + 1)]"
            let name = area.value("areaDesc") ?? ""
            for (n, polygon) in area.all("polygon").enumerated() {
                var points: [Placement.Point] = []
                for text in polygon.text.split(whereSeparator: \.isWhitespace) {
                    let (latitude, longitude) = try point(String(text), at: "\(at)/polygon[\(n + 1)]")
                    points.append(Placement.Point(latitude: latitude, longitude: longitude))
                }
                guard !points.isEmpty else { throw CAPError(element: "\(at)/polygon[\(n + 1)]", problem: "no points") }
                out.append(Placement(element: "\(at)/polygon[\(n + 1)]", areaDescription: name, kind: .polygon(points)))
            }
            for (n, circle) in area.all("circle").enumerated() {
                let path = "\(at)/circle[\(n + 1)]"
                let parts = circle.text.split(whereSeparator: \.isWhitespace)
                let (latitude, longitude) = try point(String(parts.first ?? ""), at: path)
                guard let radius = parts.dropFirst().first.flatMap({ Self.decimal(String($0)) }), radius >= 0 else {
                    throw CAPError(
                        element: path, problem: "'\(circle.text)' is not a circle (latitude,longitude radius in km)")
                }
                out.append(
                    Placement(
                        element: path, areaDescription: name,
                        kind: .circle(
                            Placement.Point(latitude: latitude, longitude: longitude), radiusKilometres: radius)))
            }
            for (n, geocode) in area.all("geocode").enumerated() {
                guard let value = geocode.value("value") else { continue }
                out.append(
                    Placement(
                        element: "\(at)/geocode[\(n + 1)]", areaDescription: name,
                        kind: .geocode(scheme: geocode.value("valueName") ?? "", value: value)))
            }
        }
        return out
    }

    /// A decimal number as CAP writes one (WGS 84 degrees, kilometres): digits, a point, a sign;
    /// not the hexadecimal, exponent or `nan` forms a general parser takes.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
        else { return nil }
        return Double(text)
    }

    private static func point(_ text: String, at path: String) throws(CAPError) -> (Double, Double) {
        let parts = text.split(separator: ",")
        guard parts.count == 2, let latitude = decimal(String(parts[0])), let longitude = decimal(String(parts[1])),
            (-90...90).contains(latitude), (-180...180).contains(longitude)
        else {
            throw CAPError(element: path, problem: "'\(text)' is not a point (latitude,longitude)")
        }
        return (latitude, longitude)
    }

    /// The info in `language` (`ar`, `en`), else the first.
    public func info(_ language: String) -> Info? {
        infos.first { $0.language.lowercased().hasPrefix(language) } ?? infos.first
    }

    /// Qanat's severity for CAP's; Unknown is taken as moderate (and said so on the incident).
    public static func severity(_ cap: String) -> Severity {
        switch cap {
        case "Extreme": .extreme
        case "Severe": .severe
        case "Minor": .minor
        default: .moderate
        }
    }

    /// The incident type an alert's category and event stand for.
    public static func incidentType(category: String, event: String) -> IncidentType {
        let words = event.lowercased()
        if words.contains("flood") || words.contains("سيول") || words.contains("فيضان") { return .flashFlood }
        switch category {
        case "Met":
            return words.contains("sand") || words.contains("غبار")
                ? .sandstorm : words.contains("heat") ? .heatwave : .storm
        case "Geo": return words.contains("landslide") ? .landslide : .earthquake
        case "Fire": return .fire
        case "CBRNE": return .hazardousMaterial
        case "Health": return .outbreak
        case "Security": return .security
        case "Transport": return .roadAccident
        case "Infra": return .powerOutage
        default: return .other
        }
    }

    /// The area of an info: a P-code among its geocodes, else its description as a name, else the
    /// place whose centre is nearest the area's.
    public func area(_ info: Info, in gazetteer: Gazetteer) -> Area? {
        for code in info.geocodes { if let area = gazetteer.area(code: code) { return area } }
        if let named = gazetteer.area(named: info.areaDescription) { return named }
        guard let centre = info.centre else { return nil }
        return gazetteer.areas.min { a, b in
            let da =
                (a.latitude - centre.latitude) * (a.latitude - centre.latitude) + (a.longitude - centre.longitude)
                * (a.longitude - centre.longitude)
            let db =
                (b.latitude - centre.latitude) * (b.latitude - centre.latitude) + (b.longitude - centre.longitude)
                * (b.longitude - centre.longitude)
            return da < db
        }
    }
}

public struct CAPError: Error, Equatable, Sendable, CustomStringConvertible {
    public var element: String
    public var problem: String

    public init(element: String, problem: String) {
        self.element = element
        self.problem = problem
    }

    public var description: String { "\(element): \(problem)" }
}
