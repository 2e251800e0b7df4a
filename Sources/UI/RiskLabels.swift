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

/// The risk register as a report: counts by band, then every risk, highest score first, with
/// its review flagged when overdue — in the interface's language, as text or Markdown.
public enum RiskText {
    public static func lines(_ risks: [Risk], today: CalendarDate, _ l: Localizer, format: ReportLayout.Format) -> [String] {
        var blocks: [ReportLayout.Block] = [.title("\(l(.riskRegisterTitle)) — \(l.number(today.description))")]
        guard !risks.isEmpty else { return ReportLayout.lines(blocks + [.text(l(.noRisks))], l, format: format) }
        let counts = RiskBand.allCases.reversed().map { band in "\(l(band)) \(l.number(risks.filter { $0.entry.band == band }.count))" }
        blocks.append(.text("\(l(.risksByBand)): " + counts.joined(separator: " · ")))
        blocks.append(.section(
            heading: "\(l(.riskRegisterTitle)) (\(l.number(risks.count)))",
            header: [l(.colBand), l(.colScore), l(.colLikelihood), l(.colImpact), l(.colHazard), l(.colTitle), l(.colOwner), l(.colReview)],
            rows: risks.map { risk in
                let e = risk.entry
                let review = (e.nextReview.map { l.number($0.description) } ?? "") + (risk.reviewOverdue(today: today) ? " " + l(.overdue) : "")
                return [l(e.band), l.number(e.score), l.number(e.likelihood), l.number(e.impact), l(e.hazard), e.title, e.owner.rawValue, review]
            }))
        return ReportLayout.lines(blocks, l, format: format)
    }
}
