import QanatCore

extension Sector: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .shelter: ("shelter", "المأوى")
        case .food: ("food", "الغذاء")
        case .wash: ("water & sanitation", "المياه والإصحاح")
        case .health: ("health", "الصحة")
        case .nfi: ("non-food items", "المواد غير الغذائية")
        case .protection: ("protection", "الحماية")
        case .education: ("education", "التعليم")
        case .logistics: ("logistics", "اللوجستيات")
        case .earlyRecovery: ("early recovery", "التعافي المبكر")
        }
    }
}

extension CoverageFlag: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .duplicated: ("duplicated", "ازدواجية")
        case .gap: ("gap", "فجوة")
        case .delayed: ("delayed", "متأخر")
        }
    }
}

extension AgencyKind: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .government: ("government", "جهة حكومية")
        case .municipality: ("municipality", "بلدية")
        case .un: ("UN agency", "وكالة أممية")
        case .ingo: ("international NGO", "منظمة دولية غير حكومية")
        case .ngo: ("Libyan NGO", "منظمة ليبية غير حكومية")
        case .civilSociety: ("civil society", "مجتمع مدني")
        case .private: ("private sector", "القطاع الخاص")
        }
    }
}

extension OrganisationStatus: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .active: ("active", "نشطة")
        case .suspended: ("suspended", "معلّقة")
        }
    }
}

extension NeedStatus: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .reported: ("reported", "مُبلَّغ عنه")
        case .verified: ("verified", "مُتحقَّق منه")
        case .partlyMet: ("partly met", "مُلبّى جزئيًا")
        case .met: ("met", "مُلبّى")
        case .closed: ("closed", "مغلق")
        }
    }
}

extension ActivityStatus: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .planned: ("planned", "مخطط")
        case .ongoing: ("ongoing", "جارٍ")
        case .finished: ("finished", "منتهٍ")
        case .cancelled: ("cancelled", "ملغى")
        }
    }
}

extension PledgeStatus: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .pledged: ("pledged", "تعهد")
        case .delivering: ("delivering", "قيد التسليم")
        case .delivered: ("delivered", "مُسلَّم")
        case .withdrawn: ("withdrawn", "مسحوب")
        }
    }
}

extension Sector {
    /// The board's column heading, and a short one for a narrow column.
    var heading: (long: (en: String, ar: String), short: (en: String, ar: String)) {
        switch self {
        case .shelter: (("Shelter", translations.ar), ("Shelt", "مأوى"))
        case .food: (("Food", translations.ar), ("Food", "غذاء"))
        case .wash: (("WASH", translations.ar), ("WASH", "مياه"))
        case .health: (("Health", translations.ar), ("Health", "صحة"))
        case .nfi: (("NFI", translations.ar), ("NFI", "مواد"))
        case .protection: (("Protection", translations.ar), ("Prot", "حماية"))
        case .education: (("Education", translations.ar), ("Educ", "تعليم"))
        case .logistics: (("Logistics", translations.ar), ("Logist", "لوجست"))
        case .earlyRecovery: (("Recovery", translations.ar), ("Recov", "تعافٍ"))
        }
    }
}

extension CoverageFlag {
    /// The letter a board cell shows, so that a flag reads without colour.
    var letter: (en: String, ar: String) {
        switch self {
        case .duplicated: ("D", "ز")
        case .gap: ("G", "ف")
        case .delayed: ("L", "ت")
        }
    }
}
