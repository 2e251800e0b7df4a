import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// `qanat serve`: the one process that writes a service store. Members write only their journals;
/// the service watches them (inotify) and takes every new line through the same gate as ingest
/// (attributed to the file's owner, held to that member's role), numbers incident references on
/// its socket, and stops after the batch in hand when asked.
public final class RecordService {
    public let store: SQLiteStore
    public let owner: ServiceOwner
    /// `journals/` beside the store, where every member's journal is.
    public let journalsDirectory: String
    /// Journals elsewhere that the service follows too (a gateway's).
    public let otherJournals: [String]
    /// How often every journal is looked at even if the kernel said nothing (a lost notification).
    public var safetyInterval: Int32 = 30_000
    private var follower: JournalFollower
    private let applied = AppliedSignal()
    /// PIN hashes and desk sessions, which prove a signed-on officer's sealed lines at ingest.
    public let vault: ServiceVault
    /// Where the Prometheus textfile goes (`serve --metrics`); nil writes none.
    public var metricsPath: String?

    /// What a pass did and what failed, for the service's log.
    public struct Log: Sendable {
        public var passed: @Sendable (String, IngestReport) -> Void
        public var failed: @Sendable (String, String) -> Void
        /// Sign-ons, refused PINs and PINs set: what the service records of its socket.
        public var said: @Sendable (String) -> Void
        public init(
            passed: @escaping @Sendable (String, IngestReport) -> Void,
            failed: @escaping @Sendable (String, String) -> Void, said: @escaping @Sendable (String) -> Void
        ) {
            self.passed = passed
            self.failed = failed
            self.said = said
        }
    }

    public init(storePath: String, otherJournals: [String] = []) throws(ServiceError) {
        do {
            store = try SQLiteStore(path: storePath, options: .init(busyTimeout: 5, asService: true))
        } catch .serviceOwned(_, let owner) {
            throw .notTheService(running: UnixUser.current, owner: owner)
        } catch {
            throw .store(error)
        }
        let found: ServiceOwner?
        do { found = try store.serviceOwner() } catch { throw .store(error) }
        guard let found else { throw .embeddedStore(path: storePath) }
        // Root may set the store up, but the service runs as its own user: files it makes
        // (rejects, the socket) must be that user's.
        guard geteuid() == found.uid else { throw .notTheService(running: UnixUser.current, owner: found) }
        owner = found
        journalsDirectory = JournalPlace.directory(beside: storePath)
        self.otherJournals = otherJournals.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        vault = try ServiceVault(path: ServiceOwner.vaultPath(beside: storePath))
        follower = JournalFollower(store: store, sessions: vault, onlyWriter: true)
    }

    /// What every pass so far did.
    public var totals: IngestReport { follower.totals }

    /// Every journal the service follows: the `.jsonl` files of `journals/` and the others named.
    public func journals() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journalsDirectory)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { journalsDirectory + "/" + $0 } + otherJournals
    }

    /// Runs until `stop`: a pass over every journal, then one for each journal the kernel names.
    /// `ready` is called once the socket answers and every journal has been read.
    public func run(stop: StopRequest, log: Log, ready: () -> Void = {}) throws(ServiceError) {
        vault.said = log.said
        let metrics = metricsPath.map(ServiceMetrics.init)
        let log =
            metrics.map { metrics in
                Log(
                    passed: { [passed = log.passed] path, report in
                        metrics.passed(report)
                        passed(path, report)
                    }, failed: log.failed, said: log.said)
            } ?? log
        func written(force: Bool = false) {
            do { try metrics?.write(force: force) } catch { log.failed(metricsPath ?? "", "metrics: \(error)") }
        }
        var group = stat()
        stat(store.path, &group)
        let listener = try ServiceListener(
            path: ServiceOwner.socketPath(beside: store.path), group: group.st_gid
        ) { [store, applied, vault, owner] request, uid in
            let caller = UnixAccounts.userName(uid)
            guard case .report(let asked) = request else {
                return ServiceAnswer(
                    Self.answer(request, from: caller, store: store, applied: applied, vault: vault, said: log.said))
            }
            let answered = ReportAttestation(store: store, owner: owner).answer(asked, from: caller)
            log.said(
                answered.report != nil
                    ? "report \(asked.kind) rendered for \(caller)"
                    : "report \(asked.kind) refused for \(caller): \(answered.reply.refusal ?? "")")
            return answered
        }
        listener.start()
        defer { listener.stop() }
        let watched = [journalsDirectory] + otherJournals.map { ($0 as NSString).deletingLastPathComponent }
        let watcher = try JournalWatcher(directories: watched)
        let followed = Set(otherJournals)
        var known = Set(journals())
        metrics?.watching(known.count)
        pass(Array(known).sorted(), log: log)
        written(force: true)
        ready()
        defer { written(force: true) }
        while !stop.requested {
            // A change to the metrics not yet written wakes the loop within a second to write it.
            let wait = metrics?.pending == true ? min(1_000, safetyInterval) : safetyInterval
            let wake = watcher.wait(milliseconds: wait, stop: stop.descriptor)
            if wake.stopped || stop.requested { break }
            if wake.timedOut, wait < safetyInterval {
                // Woken for the metrics alone: written, and the journals left to their own wakes.
                written()
                continue
            }
            if wake.overflowed || wake.timedOut {
                known = Set(journals())
                metrics?.watching(known.count)
                pass(Array(known).sorted(), log: log)
                written()
                continue
            }
            let named = wake.paths.filter { path in
                path.hasSuffix(".jsonl") && (followed.contains(path) || path.hasPrefix(journalsDirectory + "/"))
            }
            if !known.isSuperset(of: named) {
                known = Set(journals())
                metrics?.watching(known.count)
            }
            pass(named.sorted(), log: log)
            written()
        }
    }

    /// Every journal named, in one transaction (one commit however many journals brought a line),
    /// and again for those with more to read; writers waiting on the socket are told after each commit.
    private func pass(_ paths: [String], log: Log) {
        var paths = paths
        while !paths.isEmpty {
            var more: [String] = []
            do {
                try store.inOnePass {
                    more = paths.filter { follower.ingest($0, passed: log.passed, failed: log.failed) }
                }
            } catch {
                // Nothing of the pass stands (its cursors neither): the next pass reads it all again.
                log.failed(store.path, "a pass was not committed: \(error)")
                follower.forget()
                return
            }
            // Told once the pass is committed: a waiting writer then finds its events in the store.
            let stored = follower.takeStored()
            if !stored.isEmpty { applied.passed(stored) }
            paths = more
        }
    }

    /// One request on the socket (a report's aside), from the Unix user the kernel names.
    static func answer(
        _ request: ServiceRequest, from caller: String, store: SQLiteStore, applied: AppliedSignal,
        vault: ServiceVault, said: (String) -> Void
    ) -> ServiceReply {
        switch request {
        case .hello:
            return ServiceReply(caller: caller)
        case .reference(let year):
            // Numbers are the channel's: only a member who may open an incident takes one.
            guard mayWrite(caller, in: store) else {
                return ServiceReply(caller: caller, refusal: "\(caller) may not open incidents on this store")
            }
            // This year's numbers (or the next's, at midnight on 31 December): no one takes numbers far ahead.
            guard abs(year - Clock.year) <= 1 else {
                return ServiceReply(caller: caller, refusal: "references are numbered for this year, not \(year)")
            }
            do {
                return ServiceReply(caller: caller, reference: try store.nextIncidentReference(year: year).rawValue)
            } catch {
                return ServiceReply(caller: caller, refusal: "\(error)")
            }
        case .applied(let ids, let within):
            let limit = ServiceReply.appliedLimit
            guard ids.count <= limit.ids, within >= 0 else {
                return ServiceReply(
                    caller: caller, refusal: "at most \(limit.ids) events, for at most \(limit.seconds) s")
            }
            let deadline = Date().addingTimeInterval(min(within, limit.seconds))
            let done = applied.wait(for: ids, until: deadline) { try? store.absentEvents(ids) }
            return ServiceReply(caller: caller, applied: done)
        case .setPIN(let user, let officer, let pin):
            let entry = MemberKey(user: user, officer: officer).description
            guard isAdmin(caller, in: store) else {
                return ServiceReply(caller: caller, refusal: "only an admin sets a PIN; \(caller) is not one")
            }
            do {
                try vault.setPIN(try PIN.check(pin), user: user, officer: officer)
            } catch {
                return ServiceReply(caller: caller, refusal: "\(error)")
            }
            said("PIN set for \(entry) by \(caller)")
            return ServiceReply(caller: caller, pinSet: true)
        case .signOn(let officer, let pin):
            let answer = vault.signOn(user: caller, officer: officer, pin: pin)
            let entry = MemberKey(user: caller, officer: officer).description
            switch answer {
            case .signedOn: said("signed on: \(entry)")
            case .wrongPIN: said("sign-on refused: \(entry), wrong PIN")
            case .throttled(let seconds): said("sign-on refused: \(entry), throttled for \(seconds) s")
            case .noPIN: said("sign-on refused: \(entry), no PIN held by the service")
            case .failed(let reason): said("sign-on failed: \(entry): \(reason)")
            }
            return ServiceReply(caller: caller, signOn: answer)
        case .report:
            return ServiceReply(caller: caller, refusal: "a report is answered on its own")
        }
    }

    private static func isAdmin(_ user: String, in store: SQLiteStore) -> Bool {
        guard let members = try? store.members() else { return false }
        return members.isEmpty || members.contains { $0.key.user == user && $0.key.officer == nil && $0.role == .admin }
    }

    private static func mayWrite(_ user: String, in store: SQLiteStore) -> Bool {
        guard let members = try? store.members() else { return false }
        if members.isEmpty { return true }
        return members.contains { $0.key.user == user && $0.role >= .operator }
    }
}
