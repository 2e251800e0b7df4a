/// What kind of body an organisation is. International NGOs (`ingo`) and the private sector
/// (companies giving transport, fuel, food, machinery) came with the coordination registry.
public enum AgencyKind: String, NamedValue {
    case government, ngo, un, municipality, civilSociety, ingo, `private`
}

public typealias OrganisationKind = AgencyKind

/// An organisation on the channel, as messages and incidents name it: its code, names in both
/// working languages and kind. `Organisation` holds the rest of its registration.
public struct Agency: Hashable, Sendable {
    public var code: AgencyCode
    public var nameArabic: String
    public var nameEnglish: String
    public var kind: AgencyKind

    public init(code: AgencyCode, nameArabic: String, nameEnglish: String, kind: AgencyKind) {
        self.code = code
        self.nameArabic = nameArabic
        self.nameEnglish = nameEnglish
        self.kind = kind
    }

    /// The agencies every store starts with; more arrive as `agency.registered` events.
    public static let seed: [Agency] = [
        .init(
            known: "MOI", "مكتب المناوبة والتنسيق بوزارة الداخلية", "Ministry of Interior duty and coordination office",
            .government),
        .init(
            known: "NCEMC", "المركز الوطني لإدارة الطوارئ والأزمات والكوارث",
            "National Centre for Emergency, Crisis and Disaster Management", .government),
        .init(known: "CD", "جهاز الدفاع المدني", "Civil Defence", .government),
        .init(known: "LRC", "جمعية الهلال الأحمر الليبي", "Libyan Red Crescent", .ngo),
        .init(
            known: "LRA", "الهيئة الليبية للإغاثة والمساعدات الإنسانية", "Libyan Relief and Humanitarian Aid Agency",
            .government),
        .init(known: "MOH", "وزارة الصحة", "Ministry of Health", .government),
        .init(
            known: "OCHA", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية",
            "UN Office for the Coordination of Humanitarian Affairs", .un),
        .init(known: "UNHCR", "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "UN Refugee Agency", .un),
        .init(known: "WFP", "برنامج الأغذية العالمي", "World Food Programme", .un),
        .init(known: "IOM", "المنظمة الدولية للهجرة", "International Organization for Migration", .un),
        .init(known: "UNICEF", "منظمة الأمم المتحدة للطفولة", "UNICEF", .un),
        .init(known: "WHO", "منظمة الصحة العالمية", "World Health Organization", .un),
        .init(known: "BGZ-MUN", "بلدية بنغازي", "Benghazi Municipality", .municipality),
        .init(known: "DRN-MUN", "بلدية درنة", "Derna Municipality", .municipality),
    ]

    private init(known code: String, _ arabic: String, _ english: String, _ kind: AgencyKind) {
        self.init(code: AgencyCode(known: code), nameArabic: arabic, nameEnglish: english, kind: kind)
    }
}
