import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Check the store, its files' permissions, every journal it ingests, your membership, your journal's backlog and this terminal; say what to fix.",
        discussion: """
            Exit code 0 when nothing failed (warnings included), 2 when something did. With --json, one JSON \
            object for a monitoring system: each finding's severity (ok, warn, fail), subject, detail and fix.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Print the findings as one JSON object (exit codes as without it).") var json = false

    func run() throws {
        var findings = storeFindings()
        // This process's journal, every journal ingest has read, and every one in journals/ (one
        // refused whole on its first read has no cursor yet).
        let reader = try? SQLiteStore(path: store.databasePath, options: .init(readOnly: true))
        let cursors = (try? reader?.journalCursorPaths()) ?? []
        let directory = JournalPlace.directory(beside: store.databasePath)
        // A rejects file stands for its journal too: one planted before the journal's first line.
        let present = Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap { name -> String? in
                if name.hasSuffix(".jsonl") { return name }
                return name.hasSuffix(".jsonl.rejects") ? String(name.dropLast(".rejects".count)) : nil
            }
        )
        .sorted().map { directory + "/" + $0 }
        findings += FileChecks.findings(
            database: store.databasePath, journals: [store.journalPath] + cursors + present,
            service: (try? reader?.serviceOwner()) ?? nil)
        if let planted = FileChecks.plantedAtYourName(in: directory, yours: store.journalPath) {
            findings.append(planted)
        }
        let members = (try? reader?.members().map(\.key.user)) ?? []
        if let journals = JournalsDirectory.finding(directory, members: members) { findings.append(journals) }
        // A monitoring system has no terminal: --json says nothing of one.
        if !json {
            findings += TerminalChecks.findings(display: display, environment: ProcessInfo.processInfo.environment)
        }
        findings += TerminalChecks.themeFindings(display: display, environment: ProcessInfo.processInfo.environment)
        let failed = findings.filter { $0.level == .fail }.count
        let warned = findings.filter { $0.level == .warn }.count
        if json {
            print(
                jsonLine([
                    .string("severity", failed > 0 ? "fail" : warned > 0 ? "warn" : "ok"), .integer("failed", failed),
                    .integer("warned", warned), .string("store", store.databasePath),
                    .objects("findings", findings.map(\.json)),
                ]))
        } else {
            for finding in findings { for line in finding.lines { print(line) } }
            print(failed + warned == 0 ? "all well" : "\(failed) failed, \(warned) to look at")
        }
        if failed > 0 { throw ExitCode(2) }
    }

    /// The store itself, who you are to it, and what your journal holds that it does not.
    private func storeFindings() -> [Finding] {
        let path = store.databasePath
        let opened: SQLiteStore
        do { opened = try SQLiteStore(path: path, options: .init(readOnly: true)) } catch {
            return [
                Finding(
                    level: .fail, subject: "store", detail: error.description,
                    fix: "`qanat init` (it also upgrades an older store)")
            ]
        }
        var findings: [Finding] = []
        do {
            let (integrity, mode) = try opened.health()
            let events = try opened.eventCount()
            if integrity != "ok" {
                findings.append(
                    Finding(
                        level: .fail, subject: "store", detail: "\(path): integrity check: \(integrity)",
                        fix: "move it aside, `qanat init`, then `qanat ingest` every journal: they hold every event"))
            } else if mode != "wal" {
                findings.append(
                    Finding(
                        level: .warn, subject: "store", detail: "\(path): journal mode \(mode), not WAL",
                        fix: "`qanat init`"))
            } else {
                findings.append(.ok("store", "\(path): \(events) events, schema current, integrity ok, WAL"))
            }
            findings.append(try memberFinding(opened))
            findings += try pinFindings(opened)
            if let backlog = try backlogFinding(opened) { findings.append(backlog) }
        } catch {
            findings.append(Finding(level: .fail, subject: "store", detail: "\(error)", fix: nil))
        }
        return findings
    }

    private func memberFinding(_ opened: SQLiteStore) throws(StoreError) -> Finding {
        let actor = try opened.actor(user: UnixUser.current, officer: officer.officerName, pinProven: false)
        guard actor.membersManaged else {
            return Finding(
                level: .warn, subject: "member", detail: "the store has no members: every user may write",
                fix: "qanat member add \(actor.user) --agency CODE --role admin")
        }
        guard let member = actor.member else {
            return Finding(
                level: .warn, subject: "member", detail: "\(actor.user) is not a member: read-only",
                fix: "an admin runs `qanat member add \(actor.user) --agency CODE --role operator`")
        }
        return .ok(
            "member",
            "\(member.key.description): \(member.role.rawValue) for \(member.agency)"
                + (member.shared ? ", shared duty account" : ""))
    }

    /// Officers whose PIN is kept in a form older than today's (before PBKDF2 at 600,000 rounds):
    /// it still verifies, but an admin should set it again. On a service store only the service's
    /// PINs count: one whose hash is in the store was set before the store had its service, and is void.
    private func pinFindings(_ opened: SQLiteStore) throws(StoreError) -> [Finding] {
        let members = try opened.members()
        let hashed = members.filter { $0.pin != nil && $0.pin != Member.heldByService }
        let kept: [Finding]
        if let owner = try opened.serviceOwner() {
            kept = hashed.map { member in
                Finding(
                    level: .fail, subject: "pin",
                    detail:
                        "\(member.key.description): PIN set before the store had its service (\(owner.user)): void, "
                        + "the officer cannot sign on",
                    fix:
                        "with the service running, an admin runs `\(Self.setPIN(member))` and the officer chooses a "
                        + "new, different PIN (the old one's hash was readable): the service keeps it")
            }
        } else {
            kept = hashed.filter { PINHash.isOldForm($0.pin ?? "") }.map { member in
                Finding(
                    level: .warn, subject: "pin",
                    detail: "\(member.key.description): PIN kept in an old form (weaker hash)",
                    fix: "an admin runs `\(Self.setPIN(member))` and the officer types it again")
            }
        }
        return kept + unguardedOfficers(members)
    }

    /// An officer's entry on a shared account with no PIN and a role above the account's own: anyone
    /// who uses the account and names that officer acts with it (naming is not proving).
    private func unguardedOfficers(_ members: [Member]) -> [Finding] {
        members.filter { $0.key.officer != nil && $0.pin == nil }.compactMap { entry in
            let account = members.first { $0.key.user == entry.key.user && $0.key.officer == nil }
            guard account.map({ entry.role > $0.role }) ?? true else { return nil }
            let below =
                account.map { "the account's own (\($0.role.rawValue))" } ?? "the account's (none: not a member)"
            return Finding(
                level: .warn, subject: "pin",
                detail:
                    "\(entry.key.description): \(entry.role.rawValue) with no PIN, above \(below): whoever uses "
                    + "\(entry.key.user) and names this officer acts as \(entry.role.rawValue)",
                fix: "an admin runs `\(Self.setPIN(entry))`, or gives the entry the account's role")
        }
    }

    private static func setPIN(_ member: Member) -> String {
        let officer = member.key.officer.map { " --for-officer '\($0)'" } ?? ""
        return "qanat member add \(member.key.user)\(officer) --agency \(member.agency) --role \(member.role.rawValue)"
            + (member.shared ? " --shared" : "") + " --pin"
    }

    /// Events in this process's journal that the store has not taken (it was busy or away); nil
    /// before the first write (the journal's own check says so).
    private func backlogFinding(_ opened: SQLiteStore) throws -> Finding? {
        let journal = store.journalPath
        guard FileManager.default.fileExists(atPath: journal) else { return nil }
        let scanner = try JournalScanner(path: journal)
        var ids: [String] = []
        var unreadable = 0
        while case let lines = try scanner.read(limit: 10_000), !lines.isEmpty {
            for line in lines {
                if let entry = try? EventCodec.decode(line.bytes) {
                    ids.append(entry.event.id.rawValue)
                } else {
                    unreadable += 1
                }
            }
        }
        let absent = try opened.absentEvents(ids).count
        if absent > 0 {
            // On a service store only the service ingests: the fix is to have it run.
            let service = try opened.serviceOwner()
            return Finding(
                level: .warn, subject: "journal",
                detail: "\(journal): \(absent) of \(ids.count) events not in the store yet",
                fix: service.map { "the service applies them when it runs: `qanat serve` as \($0.user)" }
                    ?? "qanat ingest")
        }
        let note = unreadable > 0 ? ", \(unreadable) unreadable lines (`qanat ingest` names them)" : ""
        return .ok("journal", "\(journal): \(ids.count) events, all in the store\(note)")
    }
}
