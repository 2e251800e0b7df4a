public enum OrganisationStatus: String, NamedValue {
    case active, suspended
}

/// Someone to call at an organisation: `NAME;PHONE;RADIO` on the command line and in the journal.
public struct FocalPoint: Hashable, Sendable {
    public var name: String
    public var phone: String?
    public var radio: String?

    public init(name: String, phone: String? = nil, radio: String? = nil) {
        self.name = name
        self.phone = phone
        self.radio = radio
    }

    public init(_ text: String, field: String = "focal") throws(ValidationError) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { String($0) }
        guard (1...3).contains(parts.count) else {
            throw ValidationError(field: field, value: text, problem: .malformed(expected: "NAME;PHONE;RADIO"))
        }
        name = try TextRule.required(parts[0], field: field, maximum: Limits.officer)
        phone = try TextRule.optional(parts.count > 1 ? parts[1] : nil, field: field, maximum: Limits.contact)
        radio = try TextRule.optional(parts.count > 2 ? parts[2] : nil, field: field, maximum: Limits.contact)
    }

    /// The form it was read from; `;` cannot occur inside a part.
    public var text: String { [name, phone ?? "", radio ?? ""].joined(separator: ";") }
}

/// A party to the response and the relief: its agency identity (code, names, kind) and its
/// registration with the coordination — where and in what it works, whom to call, what it can
/// bring. Every agency is an organisation; one registered before the registry has no more.
public struct Organisation: Hashable, Sendable {
    public var agency: Agency
    /// Its number with the civil-society commission, where it has one.
    public var registration: String?
    /// Gazetteer ids of the areas it works in.
    public var areas: [String]
    public var sectors: [Sector]
    public var focalPoints: [FocalPoint]
    public var capabilities: [String]
    public var status: OrganisationStatus

    public init(
        agency: Agency, registration: String? = nil, areas: [String] = [], sectors: [Sector] = [],
        focalPoints: [FocalPoint] = [], capabilities: [String] = [], status: OrganisationStatus = .active
    ) {
        self.agency = agency
        self.registration = registration
        self.areas = areas
        self.sectors = sectors
        self.focalPoints = focalPoints
        self.capabilities = capabilities
        self.status = status
    }

    public var code: AgencyCode { agency.code }

    /// Whether `text` is in its code, its names in either language (spellings folded as places'
    /// are: hamza, ta marbuta, alef forms, case), its registration or its focal points' names.
    public func matches(_ text: String) -> Bool {
        let wanted = NameKey.fold(text)
        guard !wanted.isEmpty else { return true }
        let fields =
            [code.rawValue, agency.nameEnglish, agency.nameArabic, registration ?? ""] + focalPoints.map(\.name)
        return fields.contains { NameKey.fold($0).contains(wanted) }
    }
}

/// What `organisation.updated` changes; nil leaves a field as it is.
public struct OrganisationChange: Equatable, Sendable {
    public var code: AgencyCode
    public var kind: OrganisationKind?
    public var nameArabic: String?
    public var nameEnglish: String?
    public var registration: String?
    public var areas: [String]?
    public var sectors: [Sector]?
    public var focalPoints: [FocalPoint]?
    public var capabilities: [String]?
    public var status: OrganisationStatus?

    public init(
        code: AgencyCode, kind: OrganisationKind? = nil, nameArabic: String? = nil, nameEnglish: String? = nil,
        registration: String? = nil, areas: [String]? = nil, sectors: [Sector]? = nil, focalPoints: [FocalPoint]? = nil,
        capabilities: [String]? = nil, status: OrganisationStatus? = nil
    ) {
        self.code = code
        self.kind = kind
        self.nameArabic = nameArabic
        self.nameEnglish = nameEnglish
        self.registration = registration
        self.areas = areas
        self.sectors = sectors
        self.focalPoints = focalPoints
        self.capabilities = capabilities
        self.status = status
    }

    /// True when it changes nothing.
    public var isEmpty: Bool { self == OrganisationChange(code: code) }

    func applied(to organisation: inout Organisation) {
        if let kind { organisation.agency.kind = kind }
        if let nameArabic { organisation.agency.nameArabic = nameArabic }
        if let nameEnglish { organisation.agency.nameEnglish = nameEnglish }
        if let registration { organisation.registration = registration }
        if let areas { organisation.areas = areas }
        if let sectors { organisation.sectors = sectors }
        if let focalPoints { organisation.focalPoints = focalPoints }
        if let capabilities { organisation.capabilities = capabilities }
        if let status { organisation.status = status }
    }
}
