import QanatCore

/// The selected identity on each board.
public struct Selection: Equatable, Sendable {
    public enum Key: Equatable, Sendable {
        case incident(IncidentReference)
        case unit(CallSign)
        case message(EventID)
        case cell(CoverageCell.Key)
        case riskCell(RiskCell)
        case metric(MetricKey)
        /// A district, or a municipality of the district the map is zoomed into.
        case area(String)
    }

    public var incident: IncidentReference?
    public var unit: CallSign?
    public var message: EventID?
    /// An area and a sector of the coverage board.
    public var cell: CoverageCell.Key?
    /// A likelihood and an impact of the risk matrix.
    public var riskCell: RiskCell?
    /// An agency's (or all agencies') metric on the performance board.
    var metric: MetricKey?
    /// The map's place, by gazetteer id.
    public var area: String?

    public init() {}

    public subscript(board: Board) -> Key? {
        get {
            switch board {
            case .incidents: incident.map(Key.incident)
            case .units: unit.map(Key.unit)
            case .log: message.map(Key.message)
            case .coverage: cell.map(Key.cell)
            case .risks: riskCell.map(Key.riskCell)
            case .performance: metric.map(Key.metric)
            case .map: area.map(Key.area)
            }
        }
        set {
            switch (board, newValue) {
            case (.incidents, .incident(let reference)): incident = reference
            case (.incidents, nil): incident = nil
            case (.units, .unit(let callSign)): unit = callSign
            case (.units, nil): unit = nil
            case (.log, .message(let id)): message = id
            case (.log, nil): message = nil
            case (.coverage, .cell(let key)): cell = key
            case (.coverage, nil): cell = nil
            case (.risks, .riskCell(let key)): riskCell = key
            case (.risks, nil): riskCell = nil
            case (.performance, .metric(let key)): metric = key
            case (.performance, nil): metric = nil
            case (.map, .area(let id)): area = id
            case (.map, nil): area = nil
            default: break
            }
        }
    }
}
