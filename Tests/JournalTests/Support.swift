import Foundation
import QanatCore
import QanatScratch

func temporaryDirectory() throws -> String {
    try scratchDirectory("journal-test")
}

func sampleMessage(second: Int64 = 0, body: String = "Road to Derna closed at the wadi bridge") -> Event {
    let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + second * 1000)
    return Event(
        id: .make(at: at), at: at, agency: try! AgencyCode("CD"), officer: "Salem Bukhatwa", user: "duty",
        payload: .messagePosted(
            MessagePosting(
                recipients: .agencies([try! AgencyCode("NCEMC"), try! AgencyCode("LRC")]), priority: .immediate,
                channel: .radio, subject: "الطريق", body: body, incident: IncidentReference(year: 2026, number: 3),
                acknowledgementRequired: true)))
}
