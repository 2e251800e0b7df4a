import QanatCore
import QanatStore
import QanatUI

/// Reads what the desk shows, in windows: memory stays flat whatever the store's size.
/// Shared by the desk's event loop and the benchmark that times it.
public struct DeskLoader: Sendable {
    public let store: any ChannelStore
    public static let incidentWindow = 500
    public static let unitWindow = 1000
    public static let messageWindow = 500

    public init(store: any ChannelStore) { self.store = store }

    /// Every window the state asks for: the boards through their queries, the open detail, the count.
    public func load(into state: inout DeskState) throws(StoreError) {
        var data = state.data
        data.incidents = try store.incidents(matching: state.incidentQuery, limit: Self.incidentWindow)
        data.units = try store.units(limit: Self.unitWindow, after: nil)
        data.messages = try store.messages(matching: state.logQuery, limit: Self.messageWindow).reversed()
        data.agencies = try store.agencies().map(\.code)
        data.pendingAcknowledgements = try store.pendingAcknowledgementCount(for: state.agency, limit: DeskData.pendingCountCap)
        data.detail = try state.detailReference.flatMap { reference throws(StoreError) in try detail(reference) }
        state.data = data
    }

    public func detail(_ reference: IncidentReference) throws(StoreError) -> IncidentDetail? {
        guard let record = try store.incident(reference) else { return nil }
        let events = try store.events(about: reference).map { event in
            TimelineEntry(at: event.at, agency: event.agency, officer: event.officer, kind: .event(event.payload))
        }
        let messages = try store.messages(about: reference, limit: 200).map { record in
            TimelineEntry(at: record.message.postedAt, agency: record.message.agency, officer: record.message.officer,
                          kind: .message(record.message))
        }
        return IncidentDetail(record: record, assignments: try store.assignments(of: reference),
                              timeline: (events + messages).sorted { $0.at < $1.at })
    }
}
