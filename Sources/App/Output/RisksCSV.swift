import QanatChannel
import QanatCore
import QanatUI

/// The register as CSV: codes and English values, for other programs.
enum RisksCSV {
    static let header = [
        "id", "title", "hazard", "nature", "likelihood", "impact", "score", "band", "owner", "review", "overdue",
        "areas",
    ]

    static func lines(_ risks: [Risk], today: CalendarDate) -> [String] {
        [CSVText.line(header)]
            + risks.map { risk in
                let e = risk.entry
                return CSVText.line([
                    e.id.rawValue, e.title, e.hazard.rawValue, e.nature.rawValue, String(e.likelihood),
                    String(e.impact), String(e.score),
                    e.band.rawValue, e.owner.rawValue, e.nextReview?.description ?? "",
                    risk.reviewOverdue(today: today) ? "yes" : "no",
                    e.areas.map { Gazetteer.libya.area(id: $0)?.code ?? $0 }.joined(separator: ";"),
                ])
            }
    }
}
