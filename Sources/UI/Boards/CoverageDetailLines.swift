import QanatCore

/// A coverage cell's detail: its flags and who they name, its needs, activities and pledges,
/// then every organisation there with its focal points — whom to call.
enum CoverageDetailLines {
    static func lines(_ detail: CoverageDetail, state: DeskState) -> [DetailLine] {
        let l = state.localizer
        let cell = state.data.coverage.first { $0.key == detail.key }
        var out = [
            DetailLine(
                styled: [(areaName(detail.key.area, l), .title), ("—", nil), (l(detail.key.sector), .title)], indent: 1)
        ]
        if let cell {
            let flags = cell.sortedFlags.map { l($0) }
            if !flags.isEmpty { out.append(DetailLine(styled: flags.map { ($0, CoverageBoard.role(cell)) }, gap: 2)) }
            if !cell.duplicatedBy.isEmpty {
                out.append(DetailLine([l(.duplicatedWith), cell.duplicatedBy.map(\.rawValue).joined(separator: ", ")]))
            }
            out.append(
                DetailLine([l(.colNeeded), CoverageText.needed(cell, l), l(.colCovered), CoverageText.covered(cell, l)])
            )
        }
        out.append(.blank)
        out.append(DetailLine(["\(l(.sectionNeeds)) (\(l.number(detail.needs.count)))"], role: .header))
        for need in detail.needs {
            let r = need.report
            out.append(
                DetailLine(
                    [
                        l(need.status), "\(l.number(r.quantity)) \(r.unit)", r.what, r.organisation.rawValue,
                        "\(l(.reportedAgo)) \(since(need.reportedAt, state.now, l))",
                    ], indent: 2))
        }
        out.append(.blank)
        out.append(DetailLine(["\(l(.sectionActivities)) (\(l.number(detail.activities.count)))"], role: .header))
        for activity in detail.activities {
            let r = activity.registration
            let who = r.implementer.map { "\(r.organisation.rawValue)→\($0.rawValue)" } ?? r.organisation.rawValue
            let reach =
                activity.reached.map {
                    "\(l(.reachedOf)) \(l.number($0))" + (r.targeted.map { "/" + l.number($0) } ?? "")
                } ?? ""
            out.append(
                DetailLine(
                    [
                        l(r.status), who, "\(l.number(r.start.description))–\(l.number(r.end.description))", r.what,
                        reach,
                    ],
                    role: state.coverageRules.isDelayed(activity) ? .priorityImmediate : .normal, indent: 2))
        }
        out.append(.blank)
        out.append(DetailLine(["\(l(.sectionPledges)) (\(l.number(detail.pledges.count)))"], role: .header))
        for pledge in detail.pledges {
            out.append(
                DetailLine(
                    [
                        l(pledge.status), pledge.made.organisation.rawValue, l.number(pledge.made.quantity),
                        pledge.made.by.map { "\(l(.pledgedBy)) \(l.number($0.description))" } ?? "",
                    ], indent: 2))
        }
        out.append(.blank)
        out.append(DetailLine(["\(l(.sectionOrganisations)) (\(l.number(detail.organisations.count)))"], role: .header))
        for organisation in detail.organisations {
            let a = organisation.agency
            out.append(
                DetailLine(
                    [
                        a.code.rawValue, l.language == .ar ? a.nameArabic : a.nameEnglish, l(a.kind),
                        organisation.status == .suspended ? l(organisation.status) : "",
                    ], indent: 2))
            // Whom to call: each focal point with phone and radio, or that none is on record.
            if organisation.focalPoints.isEmpty { out.append(DetailLine([l(.noFocalPoint)], role: .dim, indent: 4)) }
            for point in organisation.focalPoints {
                out.append(
                    DetailLine(
                        [
                            point.name, point.phone.map { "\(l(.phone)) \($0)" } ?? "",
                            point.radio.map { "\(l(.radio)) \($0)" } ?? "",
                        ],
                        indent: 4))
            }
        }
        return out
    }
}
