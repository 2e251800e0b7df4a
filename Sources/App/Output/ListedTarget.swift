import QanatCore
import QanatJournal
import QanatUI

struct ListedTarget: RecordOutput {
    let target: ResponseTarget

    static let table = TextTable(columns: [
        .init(title: "METRIC", width: 11), .init(title: "SECONDS", width: 7), .init(title: "PERCENTILE", width: 10),
    ])

    var cells: [String] { [target.metric.rawValue, String(target.seconds), String(target.percentile)] }

    var json: [JSONWriter.Member] {
        [
            .string("metric", target.metric.rawValue), .integer("seconds", target.seconds),
            .integer("percentile", target.percentile),
        ]
    }
}
