import Dispatch
import Logging
import PostgresNIO
import QanatCore

/// One connection to the hub for the length of `body`, for the commands that run to an end (`hub
/// init`, `hub site add`): they are not async, so the work runs on a task and they wait for it.
enum HubSession {
    static let logger = Logger(label: "qanat.hub")

    static func run<T: Sendable>(
        _ address: HubAddress, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) throws(HubError) -> T {
        let outcome = Blocking.run { () async throws(HubError) -> T in
            let connection = try await connect(address)
            do {
                let value = try await body(connection)
                try? await connection.close()
                return value
            } catch let error as HubError {
                try? await connection.close()
                throw error
            } catch {
                try? await connection.close()
                throw .refused(doing: "the request", reason: HubError.reason(error))
            }
        }
        return try outcome.get()
    }

    static func connect(_ address: HubAddress) async throws(HubError) -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(
                configuration: address.configuration, id: Int.random(in: 1...Int.max), logger: logger)
        } catch {
            throw .unreachable(address, reason: HubError.reason(error))
        }
    }

    /// The sites the hub registers, with the agencies each hosts.
    static func registry(_ connection: PostgresConnection) async throws -> SiteRegistry {
        var sites: [Site] = []
        let rows = try await connection.query("SELECT code, agencies FROM qanat.sites ORDER BY code", logger: logger)
        for try await (code, agencies) in rows.decode((String, [String]).self) {
            // A row the hub's CHECK let in but this release cannot read names no site it relays for.
            guard let site = try? SiteCode(code) else { continue }
            sites.append(Site(code: site, agencies: Set(agencies.compactMap { try? AgencyCode($0) })))
        }
        return SiteRegistry(sites)
    }
}

/// Waits on a task from code that is not async: the commands, and the service's threads.
enum Blocking {
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () async throws(E) -> T) -> Result<T, E> {
        let done = DispatchSemaphore(value: 0)
        let box = Box<Result<T, E>>()
        Task.detached {
            do throws(E) { box.value = .success(try await body()) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let value = box.value else { preconditionFailure("the task signals only once its result is set") }
        return value
    }

    private final class Box<V>: @unchecked Sendable {
        var value: V?
    }
}
