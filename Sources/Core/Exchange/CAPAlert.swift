/// A warning in the Common Alerting Protocol 1.2 (OASIS), as an incident is exported: one `info`
/// per language, the area by name, P-code and centre. Elements come in the schema's order.
public struct CAPAlert: Equatable, Sendable {
    public enum Status: String, Sendable {
        case actual = "Actual"
        case exercise = "Exercise"
    }
    public enum MessageType: String, Sendable {
        case alert = "Alert"
        case update = "Update"
        case cancel = "Cancel"
    }

    public struct Info: Equatable, Sendable {
        public var language: String
        public var event: String
        public var senderName: String
        public var headline: String
        public var description: String
        public var areaDescription: String

        public init(
            language: String, event: String, senderName: String, headline: String, description: String,
            areaDescription: String
        ) {
            self.language = language
            self.event = event
            self.senderName = senderName
            self.headline = headline
            self.description = description
            self.areaDescription = areaDescription
        }
    }

    public var identifier: String
    public var sender: String
    public var sent: Timestamp
    public var status: Status
    public var messageType: MessageType
    /// `sender,identifier,sent` of the alert an update or a cancellation follows.
    public var references: String?
    public var category: String
    public var urgency: String
    public var severity: String
    public var certainty: String
    public var infos: [Info]
    public var geocode: String?
    public var latitude: Double
    public var longitude: Double

    /// The CAP form of an incident: Alert while it stands as opened, Update once it changed,
    /// Cancel once closed (each later one referring to the first).
    public init(incident: Incident, sender: AgencyCode, exercise: Bool, infos: [Info]) {
        let first = "qanat-" + incident.reference.rawValue
        self.sender = sender.rawValue.lowercased() + "@qanat.ly"
        status = exercise ? .exercise : .actual
        if incident.status == .closed {
            messageType = .cancel
        } else {
            messageType = incident.updatedAt > incident.openedAt ? .update : .alert
        }
        identifier = messageType == .alert ? first : "\(first)-\(incident.updatedAt.millisecondsSinceEpoch)"
        sent = messageType == .alert ? incident.openedAt : incident.updatedAt
        references = messageType == .alert ? nil : "\(self.sender),\(first),\(CAPAlert.time(incident.openedAt))"
        category = CAPAlert.category(incident.type)
        urgency =
            switch incident.status {
            case .reported, .verified, .responding: "Immediate"
            case .contained: "Expected"
            case .closed: "Past"
            }
        severity = incident.severity.rawValue.prefix(1).uppercased() + incident.severity.rawValue.dropFirst()
        certainty = incident.status == .reported ? "Likely" : "Observed"
        self.infos = infos
        let area = Gazetteer.libya.area(id: incident.area)
        geocode = area?.code
        latitude = area?.latitude ?? 0
        longitude = area?.longitude ?? 0
    }

    /// CAP's category for a hazard of the incident taxonomy.
    public static func category(_ type: IncidentType) -> String {
        switch type {
        case .flashFlood, .riverFlood, .coastalFlood, .damFailure, .storm, .sandstorm, .heatwave: "Met"
        case .earthquake, .landslide: "Geo"
        case .fire, .wildfire: "Fire"
        case .hazardousMaterial: "CBRNE"
        case .explosiveOrdnance, .security: "Security"
        case .displacedPopulations, .migrantsAtSea, .publicGathering: "Safety"
        case .medical, .outbreak: "Health"
        case .roadClosed, .powerOutage, .waterSupply, .telecomOutage, .buildingCollapse: "Infra"
        case .roadAccident: "Transport"
        case .other: "Other"
        }
    }

    /// `2026-12-02T14:05:09+02:00`: Libya time with its offset, as CAP's dateTime wants it.
    public static func time(_ time: Timestamp) -> String {
        let c = LibyaTime.civil(time)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(c.year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))+02:00"
    }

    public var xml: String {
        var out =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">"#
            + "\n"
        func element(_ name: String, _ value: String, indent: Int = 1) {
            out += String(repeating: "  ", count: indent) + "<\(name)>\(CAPAlert.escaped(value))</\(name)>\n"
        }
        element("identifier", identifier)
        element("sender", sender)
        element("sent", CAPAlert.time(sent))
        element("status", status.rawValue)
        element("msgType", messageType.rawValue)
        element("scope", "Public")
        if let references { element("references", references) }
        for info in infos {
            out += "  <info>\n"
            element("language", info.language, indent: 2)
            element("category", category, indent: 2)
            element("event", info.event, indent: 2)
            element("urgency", urgency, indent: 2)
            element("severity", severity, indent: 2)
            element("certainty", certainty, indent: 2)
            element("senderName", info.senderName, indent: 2)
            element("headline", info.headline, indent: 2)
            element("description", info.description, indent: 2)
            out += "    <area>\n"
            element("areaDesc", info.areaDescription, indent: 3)
            element("circle", "\(CAPAlert.coordinate(latitude)),\(CAPAlert.coordinate(longitude)) 0", indent: 3)
            if let geocode {
                out += "      <geocode>\n"
                element("valueName", "PCODE", indent: 4)
                element("value", geocode, indent: 4)
                out += "      </geocode>\n"
            }
            out += "    </area>\n  </info>\n"
        }
        return out + "</alert>\n"
    }

    static func coordinate(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths)
        return "\(sign)\(whole / 100).\(whole % 100 < 10 ? "0" : "")\(whole % 100)"
    }

    /// Text for XML: the five characters that would end or open markup, escaped; a control
    /// character XML 1.0 cannot carry, dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
