/// An incident being opened is likely a duplicate of an open one of the same type in the same
/// area reported in the last 30 minutes: two agencies often report the same flood.
public enum DuplicateRule {
    public static let window: Int64 = 30 * 60

    public static func likelyDuplicates(type: IncidentType, area: String, at now: Timestamp, among open: [Incident])
        -> [Incident]
    {
        open.filter { incident in
            incident.status.isOpen && incident.type == type && incident.area == area
                && now.millisecondsSinceEpoch - incident.openedAt.millisecondsSinceEpoch <= window * 1000
        }
    }
}
