import QanatChannel
import QanatCore
import QanatUI

/// The coverage report as CSV: codes and English names, for other programs.
enum CoverageCSV {
    static func figure(_ cell: CoverageCell, _ value: KeyPath<CoverageCell.Total, Int>) -> String {
        cell.totals.count > 1
            ? cell.totals.map { "\($0[keyPath: value]) \($0.unit)" }.joined(separator: ";")
            : String(cell.totals.first?[keyPath: value] ?? 0)
    }

    static let header = [
        "district", "district_code", "area", "area_code", "sector", "needed", "covered", "organisations", "flags",
    ]

    static func lines(_ cells: [CoverageCell]) -> [String] {
        [CSVText.line(header)]
            + CoverageText.byDistrict(cells).flatMap(\.cells).map { cell in
                // A district's own row has no municipality: its area cells stay empty.
                let area = Gazetteer.libya.area(id: cell.key.area).flatMap { $0.kind == .district ? nil : $0 }
                let district = Gazetteer.libya.district(of: cell.key.area)
                return CSVText.line([
                    district?.plainNameEnglish ?? "", district?.code ?? "", area?.plainNameEnglish ?? "",
                    area?.code ?? "",
                    // Quantities of different units are not added up: `300 tents;50 blankets`.
                    cell.key.sector.rawValue, figure(cell, \.needed), figure(cell, \.covered),
                    cell.organisations.map(\.rawValue).joined(separator: ";"),
                    cell.sortedFlags.map(\.rawValue).joined(separator: ";"),
                ])
            }
    }
}
