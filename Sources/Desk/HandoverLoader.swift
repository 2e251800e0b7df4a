import QanatCore
import QanatStore

/// Reads a shift handover from the store, for the desk's handover screen and `qanat report shift`.
public struct HandoverLoader: Sendable {
    public let store: any StoreReader
    /// At most this many rows in each part of the report (the newest).
    public static let window = 200
    /// The window a report covers for an officer who never signed on.
    public static let defaultShiftHours: Int64 = 12

    public init(store: any StoreReader) { self.store = store }

    /// The officer's latest shift (or the one starting at `since`), and the channel as it is `now`.
    public func report(officer: String, agency: AgencyCode, now: Timestamp, since: Timestamp? = nil) throws(StoreError)
        -> HandoverReport
    {
        var signedOn = false
        var shift = Shift(
            officer: officer, agency: agency, start: since ?? now.adding(seconds: -Self.defaultShiftHours * 3600))
        if since == nil, let last = try store.lastShift(of: officer) {
            (shift, signedOn) = (last, true)
        }
        let log = MessageQuery(since: shift.start, until: shift.end)
        return HandoverReport(
            shift: shift, signedOn: signedOn, now: now,
            openIncidents: try store.incidents(matching: IncidentQuery(), limit: Self.window),
            committedUnits: try store.committedUnits(limit: Self.window),
            awaitingAcknowledgement: try store.messages(
                matching: MessageQuery(awaitingAcknowledgementBy: shift.agency), limit: Self.window),
            log: try store.messages(matching: log, limit: Self.window).reversed())
    }
}
