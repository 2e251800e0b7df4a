import QanatCore
import QanatStore
import QanatUI

/// Reads what the desk shows, in windows: memory stays flat whatever the store's size.
struct DeskLoader {
    let store: any ChannelStore
    static let incidentWindow = 500
    static let unitWindow = 1000
    static let messageWindow = 500

    func load(into data: inout DeskData, query: IncidentQuery, detail reference: String?) throws(StoreError) {
        data.incidents = try store.incidents(matching: query, limit: Self.incidentWindow)
        data.units = try store.units(limit: Self.unitWindow, after: nil)
        data.messages = try store.messages(limit: Self.messageWindow, after: nil, direction: .newestFirst).reversed()
        data.agencies = try store.agencies().map(\.code)
        data.detail = try reference.flatMap { ref throws(StoreError) in try detail(ref) }
    }

    func detail(_ text: String) throws(StoreError) -> IncidentDetail? {
        guard let reference = try? IncidentReference(text), let record = try store.incident(reference) else { return nil }
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
