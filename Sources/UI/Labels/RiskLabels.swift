import QanatCore

extension RiskBand: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .low: ("low", "منخفض")
        case .medium: ("medium", "متوسط")
        case .high: ("high", "مرتفع")
        }
    }
}

extension RiskNature: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .natural: ("natural", "طبيعي")
        case .human: ("human", "بشري")
        }
    }
}

extension RiskBand {
    /// The letter a matrix cell shows, so that a band reads without colour.
    var letter: (en: String, ar: String) {
        switch self {
        case .low: ("L", "م")
        case .medium: ("M", "و")
        case .high: ("H", "ع")
        }
    }
}

/// What each level of the register means, in both languages (`RiskScale` holds the English the
/// commands and reports print).
enum RiskScaleLabels {
    static func likelihood(_ level: Int) -> (en: String, ar: String) {
        (
            RiskScale.likelihood[level] ?? "",
            [
                1: "أقل من 0.2 % خلال خمس سنوات", 2: "0.2 – 1 %", 3: "1 – 5 %", 4: "5 – 25 %",
                5: "أكثر من 25 % خلال خمس سنوات",
            ][level] ?? ""
        )
    }

    static func impact(_ level: Int) -> (en: String, ar: String) {
        (
            RiskScale.impact[level] ?? "",
            [
                1: "محدود: أقل من 10 إصابات وأقل من 100 نازح وأضرار محلية",
                2: "طفيف: 10–50 إصابة أو حتى 1,000 نازح",
                3: "متوسط: 50–200 إصابة أو حتى 10,000 نازح وتعطل خدمات بلدية",
                4: "كبير: 200–1,000 إصابة أو حتى 50,000 نازح وتعطل خدمات شعبية",
                5: "كارثي: أكثر من 1,000 إصابة أو أكثر من 50,000 نازح وتعطل الخدمات الوطنية",
            ][level] ?? ""
        )
    }
}

/// The risk register as a report: counts by band, then every risk, highest score first, with
/// its review flagged when overdue — in the interface's language, as text or Markdown.
public enum RiskText {
    public static func lines(_ risks: [Risk], today: CalendarDate, _ l: Localizer, format: ReportLayout.Format)
        -> [String]
    {
        var blocks: [ReportLayout.Block] = [.title("\(l(.riskRegisterTitle)) — \(l.number(today.description))")]
        guard !risks.isEmpty else { return ReportLayout.lines(blocks + [.text(l(.noRisks))], l, format: format) }
        let counts = RiskBand.allCases.reversed().map { band in
            "\(l(band)) \(l.number(risks.filter { $0.entry.band == band }.count))"
        }
        blocks.append(.text("\(l(.risksByBand)): " + counts.joined(separator: " · ")))
        blocks.append(
            .section(
                heading: "\(l(.riskRegisterTitle)) (\(l.number(risks.count)))",
                header: [
                    l(.colBand), l(.colScore), l(.colLikelihood), l(.colImpact), l(.colHazard), l(.colTitle),
                    l(.colOwner), l(.colReview),
                ],
                rows: risks.map { risk in
                    let e = risk.entry
                    let review =
                        (e.nextReview.map { l.number($0.description) } ?? "")
                        + (risk.reviewOverdue(today: today) ? " " + l(.overdue) : "")
                    return [
                        l(e.band), l.number(e.score), l.number(e.likelihood), l.number(e.impact), l(e.hazard), e.title,
                        e.owner.rawValue, review,
                    ]
                }))
        return ReportLayout.lines(blocks, l, format: format)
    }
}
