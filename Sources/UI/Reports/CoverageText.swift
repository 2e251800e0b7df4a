import QanatCore

/// The coverage report for the coordination meeting: needs against coverage, the organisations
/// present and the flags, by district, area and sector, in the interface's language.
public enum CoverageText {
    public static func lines(_ cells: [CoverageCell], today: CalendarDate, _ l: Localizer, format: ReportLayout.Format)
        -> [String]
    {
        ReportLayout.lines(blocks(cells, today: today, l), l, format: format)
    }

    static func blocks(_ cells: [CoverageCell], today: CalendarDate, _ l: Localizer) -> [ReportLayout.Block] {
        var out: [ReportLayout.Block] = [.title("\(l(.coverageTitle)) — \(l.number(today.description))")]
        guard !cells.isEmpty else { return out + [.text(l(.noCoverage))] }
        let counts = CoverageFlag.allCases.map { flag in
            "\(l(flag)) \(l.number(cells.filter { $0.flags.contains(flag) }.count))"
        }
        out.append(.text("\(l(.coverageSummary)): " + counts.joined(separator: " · ")))
        let header = [l(.colArea), l(.colSector), l(.colNeeded), l(.colCovered), l(.colOrganisations), l(.colFlags)]
        for (district, inDistrict) in byDistrict(cells) {
            let name = district.map { Gazetteer.libya.area(id: $0)?.name(in: l.language) ?? $0 } ?? "—"
            out.append(
                .section(
                    heading: name, header: header,
                    rows: inDistrict.map { cell in
                        [
                            areaName(cell.key.area, l), l(cell.key.sector), needed(cell, l), covered(cell, l),
                            cell.organisations.map(\.rawValue).joined(separator: " "),
                            cell.sortedFlags.map { l($0) }.joined(separator: ", "),
                        ]
                    }))
        }
        return out
    }

    /// Cells grouped under their district, districts in the gazetteer's order.
    public static func byDistrict(_ cells: [CoverageCell]) -> [(district: String?, cells: [CoverageCell])] {
        let grouped = Dictionary(grouping: cells) { Gazetteer.libya.district(of: $0.key.area)?.id }
        let order = Gazetteer.libya.districts.map(\.id)
        // Areas in the gazetteer's order within their district, as the board has them.
        let place = Dictionary(Gazetteer.libya.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return grouped.keys.sorted { a, b in
            (a.flatMap { order.firstIndex(of: $0) } ?? order.count)
                < (b.flatMap { order.firstIndex(of: $0) } ?? order.count)
        }.map { district in
            (
                district,
                (grouped[district] ?? []).sorted {
                    (place[$0.key.area] ?? .max, $0.key.sector) < (place[$1.key.area] ?? .max, $1.key.sector)
                }
            )
        }
    }

    /// `300 tents + 50 blankets`: quantities of different units are not added up.
    static func needed(_ cell: CoverageCell, _ l: Localizer) -> String {
        cell.totals.isEmpty
            ? l.number(0) : cell.totals.map { "\(l.number($0.needed)) \($0.unit)" }.joined(separator: " + ")
    }

    static func covered(_ cell: CoverageCell, _ l: Localizer) -> String {
        cell.totals.count > 1
            ? cell.totals.map { "\(l.number($0.covered)) \($0.unit)" }.joined(separator: " + ") : l.number(cell.covered)
    }
}
