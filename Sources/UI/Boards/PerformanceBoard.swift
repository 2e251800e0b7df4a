import QanatCore

/// A row of the performance board, as the selection keeps it: an agency (nil: all) and a metric.
public struct MetricKey: Hashable, Sendable {
    public var agency: AgencyCode?
    public var metric: ResponseMetric
}

/// The performance board: for every agency together, then each agency, the four response
/// metrics' percentiles against their targets, what still waits, and the trend by week.
enum PerformanceBoard {
    /// A row: the heading of an agency's figures, or one metric's.
    enum Row: Equatable {
        case agency(AgencyCode?)
        case figures(MetricFigures)
    }

    static func rows(_ figures: [MetricFigures]) -> [Row] {
        PerformanceText.byAgency(figures).flatMap { agency, rows in [Row.agency(agency)] + rows.map(Row.figures) }
    }

    static func key(_ row: Row) -> MetricKey? {
        guard case .figures(let f) = row else { return nil }
        return MetricKey(agency: f.agency, metric: f.metric)
    }

    static func columns() -> [TableColumn<Row>] {
        func cell(_ index: Int, role: @escaping (MetricFigures) -> StyleRole? = { _ in nil }) -> (Row, Localizer) -> (
            String, StyleRole?
        ) {
            { row, l in
                guard case .figures(let f) = row else { return ("", .groupHeader) }
                let cells = PerformanceText.row(f, l)
                return (cells.indices.contains(index) ? cells[index] : "", role(f))
            }
        }
        let missed: (MetricFigures) -> StyleRole? = { $0.met == false ? .timerAlarm : nil }
        return [
            .init(title: .colMetric, width: 15, keep: 100, indent: 2, cell: cell(0)),
            .init(title: .colCompleted, width: 5, keep: 60, alignRight: true, cell: cell(1)),
            .init(title: .colP50, width: 7, keep: 70, alignRight: true, cell: cell(2)),
            .init(title: .colP90, width: 7, keep: 90, alignRight: true, cell: cell(3)),
            // `≤ 20د00ث عند م90`: sixteen cells.
            .init(title: .colTarget, width: 16, keep: 50, wide: 24, cell: cell(4)),
            .init(title: .colMet, width: 4, keep: 95, cell: cell(5, role: missed)),
            .init(
                title: .colWaiting, width: 7, keep: 40, wide: 24,
                cell: cell(6) { $0.waitingOverTarget > 0 ? .timerAlarm : nil }),
            .init(title: .colTrend, width: 0, keep: 10, cell: cell(7)),
        ]
    }

    static func draw(_ state: BoardInput, into frame: inout Frame, width: Int) {
        let l = state.localizer
        guard let period = state.data.performancePeriod else { return }
        frame.put(PerformanceText.heading(period, l), x: 1, y: 1, role: .dim, limit: width - 1)
        let rows = state.data.performanceRows
        guard !rows.isEmpty else {
            frame.put(l(.noResponses), x: 1, y: BoardLayout.firstRowY + 1, role: .dim, limit: width - 1)
            return
        }
        var sub = Frame(width: width, height: state.height - 1, layout: frame.layout)
        sub.table(
            columns(), rows: rows, top: 0, height: state.height - 1, width: width, flexibleMinimum: 12,
            selected: state.selected, scrollTo: state.scrollTo, mark: state.mark, localizer: l,
            banner: { row in
                guard case .agency(let agency) = row else { return nil }
                return "▸ " + (agency?.rawValue ?? l(.allAgencies))
            }
        ) { row in
            if case .agency = row { return .groupHeader }
            return .normal
        }
        frame.blit(sub, x: 0, y: 2)
    }
}
