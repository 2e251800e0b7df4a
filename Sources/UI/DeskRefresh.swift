import QanatCore

/// The windows of the desk a change in the store calls to be read again.
public struct DeskRefresh: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let incidents = DeskRefresh(rawValue: 1 << 0)
    public static let units = DeskRefresh(rawValue: 1 << 1)
    /// The log's window, its acknowledgement markers and the unacknowledged count.
    public static let messages = DeskRefresh(rawValue: 1 << 2)
    public static let agencies = DeskRefresh(rawValue: 1 << 3)
    public static let detail = DeskRefresh(rawValue: 1 << 4)
    /// The coverage board: needs, activities, pledges, organisations and the store's settings.
    public static let coordination = DeskRefresh(rawValue: 1 << 5)
    /// The risk register's board.
    public static let risks = DeskRefresh(rawValue: 1 << 6)
    /// The performance board: response times and targets.
    public static let performance = DeskRefresh(rawValue: 1 << 7)
    /// The exercise's play: running, paused or stopped, and its injects.
    public static let exercise = DeskRefresh(rawValue: 1 << 8)
    public static let all: DeskRefresh = [.incidents, .units, .messages, .agencies, .detail, .coordination, .risks, .performance, .exercise]

    /// What to read after `changes`, for a desk whose open detail (if any) is `detail`.
    public static func after(_ changes: StoreChanges, detail: IncidentReference?, message: EventID? = nil, unit: CallSign? = nil) -> DeskRefresh {
        guard let subjects = changes.subjects else { return .all }
        var refresh: DeskRefresh = []
        for subject in subjects {
            switch subject {
            // A new agency is owed acknowledgements of earlier broadcasts.
            case .agency: refresh.formUnion([.agencies, .messages, .coordination])
            case .incident(let reference):
                refresh.insert(.incidents)
                if reference == detail { refresh.insert(.detail) }
            // The open unit's detail shows its status and history.
            case .unit(let callSign): refresh.formUnion(callSign == unit ? [.units, .detail] : .units)
            // A message may be linked to the open incident: its timeline shows it.
            // An acknowledgement of the open message changes its detail.
            case .message(let id): refresh.formUnion(detail == nil && id != message ? .messages : [.messages, .detail])
            // No board shows members or shifts (the desk re-reads its own access on every reload).
            // Nor reports written to files.
            case .member, .officer, .report: break
            case .need, .activity, .pledge, .setting: refresh.insert(.coordination)
            case .risk: refresh.insert(.risks)
            case .target: refresh.insert(.performance)
            case .exercise: refresh.insert(.exercise)
            }
            // Response times move with incidents, assignments and acknowledgements.
            switch subject {
            case .incident, .unit, .message: refresh.insert(.performance)
            default: break
            }
        }
        return refresh
    }
}
