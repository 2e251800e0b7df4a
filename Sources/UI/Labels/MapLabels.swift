import QanatCore

/// What the map shows on top of Libya: one layer at a time, so that its marks stay apart.
public enum MapLayer: CaseIterable, Sendable {
    /// Open incidents at their area's centre, by severity (the default).
    case incidents
    /// Units committed, where their incident is.
    case units
    /// The coverage board's flags (gaps, duplicated, delayed), by municipality.
    case coverage
    /// The risk register's high-band risks, where their areas are.
    case risks
}

extension MapLayer: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .incidents: ("open incidents", "الحوادث المفتوحة")
        case .units: ("units committed", "الوحدات المكلّفة")
        case .coverage: ("coverage flags", "مؤشرات التغطية")
        case .risks: ("high risks", "المخاطر المرتفعة")
        }
    }
}

extension Severity {
    /// The map's mark: a shape of its own for each severity, so that it reads without colour.
    var mapMark: String {
        switch self {
        case .extreme: "◆"
        case .severe: "▲"
        case .moderate: "●"
        case .minor: "○"
        }
    }
}

/// The map's words: its board's name and keys (as `UIText.map`), and the words of its panel.
public enum MapText: Hashable, Sendable, Translatable {
    case board, keyMove, keyList, keyZoom, keyIncidents, keyUnits, keyCoverage, keyRisks
    case libya, district, municipality, municipalities, reading, listIncidents, listCells,
        zoomIn, zoomOut, layers, wholeCountry, districtWide, markMeaning, unreadable, noKnownArea, noneOpenHere

    public var translations: (en: String, ar: String) {
        switch self {
        case .board: ("Map", "الخريطة")
        case .keyMove:
            (
                "map: to the nearest area that way (east stays right)",
                "الخريطة: إلى أقرب منطقة في ذلك الاتجاه (الشرق يمينًا)"
            )
        case .keyList:
            ("map: its incidents (coverage layer: its cells)", "الخريطة: حوادثها (طبقة التغطية: خلاياها)")
        case .keyZoom:
            ("map: into the selected district, and back to Libya", "الخريطة: تكبير الشعبية المختارة والعودة إلى ليبيا")
        case .keyIncidents: ("map: open incidents by severity", "الخريطة: الحوادث المفتوحة حسب الخطورة")
        case .keyUnits:
            ("map: units committed, where their incident is", "الخريطة: الوحدات المكلّفة في مواقع حوادثها")
        case .keyCoverage: ("map: coverage flags by municipality", "الخريطة: مؤشرات التغطية حسب البلدية")
        case .keyRisks: ("map: high risks of the register", "الخريطة: المخاطر المرتفعة في السجل")
        case .libya: ("Libya", "ليبيا")
        case .district: ("district", "شعبية")
        case .municipality: ("municipality", "بلدية")
        case .municipalities: ("municipalities", "بلديات")
        case .reading: ("reading the map's counts…", "جارٍ قراءة أعداد الخريطة…")
        case .listIncidents: ("Enter its incidents", "Enter حوادثها")
        case .listCells: ("Enter its cells", "Enter خلاياها")
        case .zoomIn: ("+ zoom in", "+ تكبير")
        case .zoomOut: ("- Libya", "- ليبيا")
        case .layers: ("i u c r layers", "i u c r الطبقات")
        case .wholeCountry: ("Libya, every area", "ليبيا، كل المناطق")
        case .districtWide: ("+ district-wide", "+ للشعبية كلها")
        case .unreadable: ("the map's counts could not be read", "تعذّرت قراءة أعداد الخريطة")
        case .noKnownArea: ("open, in no known area", "مفتوحة في منطقة غير معروفة")
        case .noneOpenHere:
            (
                "No open incident in this place (Esc: back to the map).",
                "لا حادثة مفتوحة في هذا المكان (Esc للعودة إلى الخريطة)."
            )
        case .markMeaning: ("mark: worst · number: all", "الرمز: الأشد · الرقم: الكل")
        }
    }
}
