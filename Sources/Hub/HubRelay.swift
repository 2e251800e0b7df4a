import Foundation
import Logging
import PostgresNIO
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// A site's relay, run by its service (`qanat serve --hub URL`): it pushes every event this site
/// took in that the hub lacks, and pulls every event the hub has from other sites, through the
/// origin gate, into the store. Woken by a local commit, by the hub's NOTIFY, and every few
/// seconds besides; when the link is down it says so in `hub.state` beside the store (desks and
/// the wall read it) and tries again, and the store goes on taking its own journals meanwhile.
public final class HubRelay: @unchecked Sendable {
    let store: SQLiteStore
    let site: SiteCode
    let address: HubAddress
    let said: @Sendable (String) -> Void
    let rejects: RejectsFile
    /// How often the relay looks even when nothing woke it.
    static let pollInterval: Duration = .seconds(10)

    /// The current connection's wakes: a stream ends with the task that read it, so each
    /// connection has its own.
    private var wakeup: AsyncStream<Void>.Continuation?
    private var registry = SiteRegistry([])
    /// Whether this connection's hub was checked against what the site knows of it, and whether the
    /// hub holds events of this site's that the site lost (a disk lost, a store made again).
    private var reconciled = false
    private var pullingOwn = false
    /// The last of this site's events the hub acknowledged, and what was last said of the link.
    private var pushed: Int64
    private var status: RelayStatus?
    /// What a round trip carries, as the link allows; kept across connections.
    private var pace = LinkPace()
    /// Why this relay closed its connection itself (a round trip unanswered), which the listener's
    /// "connection closed" would otherwise hide.
    private var silence: String?
    /// The exchange and the connection's end both say how the link is; commits wake from other threads.
    private let statusLock = NSLock()

    public init(store: SQLiteStore, site: SiteCode, address: HubAddress, said: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.site = site
        self.address = address
        self.said = said
        rejects = RejectsFile(journalPath: "hub", directory: StoreFiles.rejects(beside: store.path))
        status = RelayFile.read(beside: store.path)
        pushed = status?.pushed ?? 0
        // A cursor past the store's last event is not this store's (one restored from an older
        // backup, or made again): trusted, it would leave unsent the events the store takes next.
        if let last = try? store.changes(after: nil, limit: 0).lastSequence, pushed > last { pushed = 0 }
    }

    /// The wakes of the connection now open; none between connections.
    private func wakingThrough(_ continuation: AsyncStream<Void>.Continuation?) {
        statusLock.lock()
        defer { statusLock.unlock() }
        wakeup = continuation
    }

    /// Something changed here (a pass took events in) or there: exchange soon. While the link is
    /// down there is no exchange to wake, but the desks learn at once that one more waits to go out.
    public func wake() {
        let cutOff = statusLock.withLock { () -> RelayStatus? in
            guard let wakeup else { return status.flatMap { $0.reachable ? nil : $0 } }
            wakeup.yield()
            return nil
        }
        if let cutOff { record(reachable: false, problem: cutOff.problem) }
    }

    /// Relays until the task is cancelled, reconnecting after a cut.
    public func run() async {
        var delay = Duration.seconds(1)
        while !Task.isCancelled {
            do {
                let connection = try await HubSession.connect(address)
                said("hub \(address): connected")
                delay = .seconds(1)
                await relay(on: connection)
                try? await connection.close()
            } catch {
                // The error names the hub (`HubError.unreachable`).
                record(reachable: false, problem: "\(error)")
                said("\(error); trying again in \(delay)")
            }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(30))
        }
    }

    /// One connection's life: listening for the hub's notifications, and an exchange on each wake.
    private func relay(on connection: PostgresConnection) async {
        reconciled = false
        let (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        wakingThrough(continuation)
        defer { wakingThrough(nil) }
        wake()
        await withTaskGroup(of: String?.self) { group in
            group.addTask { [self] in
                do {
                    try await connection.listen(on: HubSchema.channel) { notifications in
                        for try await _ in notifications { wake() }
                    }
                    return "the hub stopped notifying"
                } catch { return HubError.reason(error) }
            }
            group.addTask { [self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.pollInterval)
                    wake()
                }
                return nil
            }
            group.addTask { [self] in
                for await _ in wakeups {
                    do { try await exchange(on: connection) } catch {
                        return "\(error)"
                    }
                }
                return nil
            }
            let reported = await group.next() ?? nil
            group.cancelAll()
            try? await connection.close()
            let ended = statusLock.withLock { () -> String? in
                defer { silence = nil }
                return silence ?? reported
            }
            record(reachable: false, problem: ended ?? "the connection closed")
            said("hub \(address): \(ended ?? "the connection closed")")
        }
    }

    /// Push what waits, pull what is new, each round trip within the deadline (a cut link answers
    /// nothing at all, not even an error).
    func exchange(on connection: PostgresConnection) async throws {
        let previous = registry
        registry = try await roundTrip(on: connection) { try await HubSession.registry(connection) }
        // The registry is the hub admin's to change; each change is said, so a tampered one is seen.
        if !previous.sites.isEmpty {
            for change in previous.changes(to: registry) { said("hub: the registry changed: \(change)") }
        }
        guard registry.sites[site] != nil else {
            throw HubError.notASite("the hub does not register site \(site): its admin runs `qanat hub site add`")
        }
        if !reconciled {
            try await roundTrip(on: connection) { [self] in try await reconcile(on: connection) }
            reconciled = true
        }
        try await push(on: connection)
        try await pull(on: connection)
        record(reachable: true, problem: nil)
    }

    /// One round trip, closed with its connection when the hub says nothing for its deadline (a
    /// query on a link cut without a word would wait for TCP to give up, many minutes); the link's
    /// pace learns from how long it took to carry the bytes `carried` counts in its answer.
    private func roundTrip<T: Sendable>(
        on connection: PostgresConnection, carrying bytes: Int = 0, carried: (T) -> Int = { _ in 0 },
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let deadline = LinkPace.deadline(carrying: bytes)
        let started = ContinuousClock.now
        let expired = Expiry()
        let answered: T?
        do {
            answered = try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await body() }
                group.addTask { [self] in
                    try await Task.sleep(for: deadline)
                    expired.mark()
                    statusLock.withLock { silence = "no answer within \(deadline)" }
                    try? await connection.close()
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
        } catch  where !expired.marked {
            throw error
        } catch {
            // The query failed because the deadline closed its connection: the deadline is the reason.
            answered = nil
        }
        guard let answered else {
            statusLock.withLock { pace.timedOut() }
            throw HubError.unreachable(address, reason: "no answer within \(deadline)")
        }
        let elapsed = ContinuousClock.now - started
        statusLock.withLock { pace.took(elapsed, carrying: carried(answered)) }
        return answered
    }

    private var budget: LinkPace { statusLock.withLock { pace } }

    /// Once a connection: a hub wiped or restored from a backup lacks what this site pushed, and a
    /// restored hub's transaction ids start again below the watermark; both are put right by
    /// pushing again and reading again from the start (event ids make either harmless).
    func reconcile(on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            """
            SELECT pg_snapshot_xmax(pg_current_snapshot())::text,
              (SELECT count(*) FROM qanat.events WHERE origin = \(site.rawValue))
            """, logger: HubSession.logger)
        for try await (next, held) in rows.decode((String, Int64).self) {
            let watermark = HubWatermark(try store.hubWatermark())
            let wentBack = UInt64(next).flatMap { next in UInt64(watermark.transaction).map { $0 >= next } } ?? false
            if wentBack {
                said("hub: its transaction ids are behind this site's watermark (a hub restored?): reading it again")
            }
            let all = try store.eventsWaiting(after: 0, site: site)
            let acknowledged = all - (try store.eventsWaiting(after: pushed, site: site))
            pullingOwn = held > all
            if pullingOwn {
                said(
                    "hub: it holds \(held) of this site's events, the store \(all) (a store made again?): learning them back"
                )
            }
            // Either way the hub is read again from its start, once.
            if wentBack || pullingOwn { _ = try store.applyFromHub([], pulled: HubWatermark(nil).description) }
            if held < acknowledged {
                said(
                    "hub: it holds \(held) of this site's \(acknowledged) events it had (wiped or restored?): pushing again"
                )
                pushed = 0
            }
        }
    }

    /// Every event this site took in after the last one the hub acknowledged, in batches.
    func push(on connection: PostgresConnection) async throws {
        while true {
            let waiting = try store.eventsToPush(after: pushed, site: site, limit: budget.mostEventsTaken)
            guard !waiting.isEmpty else { return }
            let outgoing = waiting.map { HubPush.Outgoing($0.event) }
            let sizes = outgoing.map(\.line.utf8.count)
            let count = budget.take(sizes)
            let (sending, bytes) = (Array(outgoing.prefix(count)), sizes.prefix(count).reduce(0, +))
            let push = HubPush(site: site, registry: registry, rejects: rejects, said: said)
            _ = try await roundTrip(on: connection, carrying: bytes, carried: { _ in bytes }) {
                try await push.send(sending, on: connection)
            }
            pushed = waiting[count - 1].seq
            record(reachable: true, problem: nil)
        }
    }

    /// Every event of other sites the hub holds past this site's watermark, in batches.
    func pull(on connection: PostgresConnection) async throws {
        var watermark = HubWatermark(try store.hubWatermark())
        while true {
            let taking = HubPull(site: site, registry: registry, includingOwn: pullingOwn)
            let (from, bytes) = (watermark, budget.bytes)
            let pulled = try await roundTrip(on: connection, carrying: bytes, carried: \.bytes) {
                try await taking.take(after: from, limit: LinkPace.mostEvents, bytes: bytes, on: connection)
            }
            guard let next = pulled.watermark else { return }
            if !pulled.refused.isEmpty {
                try rejects.append(pulled.refused, at: QanatChannel.Clock.now())
                for refusal in pulled.refused { said("hub: refused \(refusal.reason)") }
            }
            _ = try store.applyFromHub(pulled.accepted, pulled: next.description) { conflicts in
                // Another event under an id this store holds: kept here, the hub's refused, and said.
                let refused = conflicts.map { index, conflict in
                    RejectsFile.Rejection(
                        journal: "hub", line: 0, offset: 0, reason: "from the hub: \(conflict)",
                        bytes: EventCodec.encode(pulled.accepted[index], previousLineHash: nil))
                }
                try rejects.append(refused, at: QanatChannel.Clock.now())
                for conflict in conflicts { said("hub: \(conflict.conflict)") }
            }
            watermark = next
        }
    }

    /// What the desks and the wall show of the hub: reachable or not since when, and how many
    /// events wait to go out. Written when it changes, not on every look.
    private func record(reachable: Bool, problem: String?) {
        statusLock.lock()
        defer { statusLock.unlock() }
        let waiting = (try? store.eventsWaiting(after: pushed, site: site)) ?? 0
        if let status, status.reachable == reachable, status.waiting == waiting, status.problem == problem,
            status.pushed == pushed
        {
            return
        }
        let since = status?.reachable == reachable ? status?.checked : nil
        let now = RelayStatus(
            reachable: reachable, checked: since ?? QanatChannel.Clock.now(), waiting: waiting, problem: problem,
            pushed: pushed)
        do {
            try RelayFile.write(now, beside: store.path)
            status = now
        } catch { said("hub: \(error)") }
    }
}

/// Whether a round trip's deadline passed, told from the task that waited for it.
private final class Expiry: @unchecked Sendable {
    private let lock = NSLock()
    private var passed = false
    func mark() { lock.withLock { passed = true } }
    var marked: Bool { lock.withLock { passed } }
}
