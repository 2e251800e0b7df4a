import QanatCore
import QanatStore

/// Write-time checks that need the store's current state. Each is skipped when the store is
/// unavailable: the event is then kept in the journal and applying it stays deterministic.
enum Checks {
    static func incidentExists(_ reference: IncidentReference, in store: (any ChannelStore)?) throws -> Incident? {
        guard let store else { return nil }
        guard let record = try storeCall({ () throws(StoreError) in try store.incident(reference) }) else {
            throw ValidationError(field: "incident", value: reference.rawValue, problem: .unknown(what: "incident"))
        }
        return record.incident
    }

    static func unitExists(_ callSign: CallSign, in store: (any ChannelStore)?) throws -> Unit? {
        guard let store else { return nil }
        guard let unit = try storeCall({ () throws(StoreError) in try store.unit(callSign) }) else {
            throw ValidationError(field: "unit", value: callSign.rawValue, problem: .unknown(what: "unit"))
        }
        return unit
    }

    static func storeCall<T>(_ body: () throws(StoreError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw CLIError.from(error) }
    }
}
