import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Who may do what: Unix users (and officers on a shared account) with an agency and a role.",
        discussion: """
            Roles: viewer (reads), operator (posts, opens incidents, assigns and acknowledges for its own agency), \
            supervisor (also closes incidents, registers agencies, acts for any agency), admin (also manages members). \
            Only admins change members; the user who ran `qanat init` is the first.
            """,
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member, or change one's agency, role or PIN.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The Unix user.") var user: String
        @Option(help: "The member's agency.") var agency: String
        @Option(help: "\(Role.spelledOut).") var role: String
        @Option(
            name: .customLong("for-officer"),
            help: "An officer who signs on under USER (a shared account), with their own role.")
        var forOfficer: String?
        @Flag(help: "USER is a shared duty account: officers sign on at the desk for their shift.") var shared = false
        @Flag(
            help:
                "Ask for a PIN (4–12 digits) the officer gives at sign-on; read from standard input when it is not a terminal."
        )
        var pin = false

        func run() throws {
            let pinHash = try pin ? keptPIN(PINPrompt.read()) : nil
            try EventRecorder(options: store, officer: officer).record { actions in
                try actions.addMember(
                    user: user, officer: forOfficer, agency: agency, role: role, shared: shared, pinHash: pinHash)
            }
            print("\(MemberKey(user: user, officer: forOfficer).description): \(role) for \(agency.uppercased())")
        }

        /// What the entry records of the PIN: its hash, or on a service store only that the service
        /// holds it (the PIN goes to the service over its socket, and no event carries its hash).
        private func keptPIN(_ typed: String) throws -> String {
            let reader = try? SQLiteStore.reader(at: store.databasePath)
            guard let owner = (try? reader?.serviceOwner()) ?? nil else { return PINHash.hash(typed) }
            do {
                try ServiceClient(store: store.databasePath, owner: owner).setPIN(
                    typed, user: user, officer: forOfficer)
            } catch .store(.unavailable) {
                throw CLIError.storeUnavailable(
                    "the store's service (\(owner.user)) keeps PINs, and it is not running: start it (`qanat serve` as "
                        + "\(owner.user)), then set the PIN again; nothing was recorded")
            } catch { throw CLIError.from(error) }
            return Member.heldByService
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a member (not the store's last admin).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The Unix user.") var user: String
        @Option(name: .customLong("for-officer"), help: "Remove only this officer's entry under USER.") var forOfficer:
            String?

        func run() throws {
            try EventRecorder(options: store, officer: officer).record { actions in
                try actions.removeMember(user: user, officer: forOfficer)
            }
            print("\(MemberKey(user: user, officer: forOfficer).description) removed")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the members, as a table or one JSON object per line.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let members: [Member]
            do { members = try SQLiteStore.reader(at: store.databasePath).members() } catch {
                throw CLIError.from(error)
            }
            if !json { print(Member.table.header()) }
            if members.isEmpty, !json { print("(none: every user may write until an admin is added)") }
            for member in members { print(json ? jsonLine(member.json) : Member.table.line(member.cells)) }
        }
    }
}
