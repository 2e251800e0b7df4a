import QanatChannel
import QanatCore
import QanatJournal
import QanatStore
import QanatUI

/// A risk as lists and reports print it, with whether its review is overdue today.
struct ListedRisk: RecordOutput {
    let risk: Risk
    let today: CalendarDate

    var overdue: Bool { risk.reviewOverdue(today: today) }

    static let table = TextTable(columns: [
        .init(title: "ID", width: 36), .init(title: "BAND", width: 6), .init(title: "SCORE", width: 5),
        .init(title: "L", width: 1),
        .init(title: "I", width: 1), .init(title: "HAZARD", width: 26), .init(title: "OWNER", width: 8),
        .init(title: "REVIEW", width: 19),
        .init(title: "TITLE", width: 40),
    ])

    var cells: [String] {
        let e = risk.entry
        return [
            e.id.rawValue, e.band.rawValue, String(e.score), String(e.likelihood), String(e.impact), e.hazard.rawValue,
            e.owner.rawValue,
            (e.nextReview?.description ?? "") + (overdue ? " overdue" : ""), e.title,
        ]
    }

    var json: [JSONWriter.Member] {
        let e = risk.entry
        return [
            .string("id", e.id.rawValue), .string("title", e.title), .string("hazard", e.hazard.rawValue),
            .string("nature", e.nature.rawValue),
            .strings("areas", e.areas), .integer("likelihood", e.likelihood), .integer("impact", e.impact),
            .integer("score", e.score),
            .string("band", e.band.rawValue), .string("owner", e.owner.rawValue),
            .strings("mitigations", e.mitigations),
            .optionalString("plan", e.plan), .strings("resources", e.resources),
            .optionalString("review", e.nextReview?.description),
            .bool("reviewOverdue", overdue), .integer("reviews", risk.reviews.count),
        ]
    }
}
