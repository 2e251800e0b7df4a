import ArgumentParser
import QanatCore

struct Qanat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qanat",
        abstract: "Qanat (قناة): one channel for a multi-agency emergency operations desk.",
        discussion: """
            Every change is an event, written to this process's journal first (fsync) and then \
            applied to the shared store. Exit codes: 0 done, 1 usage, 2 bad data, \
            3 store unavailable (the event is kept in the journal; `qanat ingest` applies it), \
            4 refused (the member's role does not allow it: nothing is written), \
            5 no store at the path (only `qanat init` makes one: nothing is written).
            """,
        version: Qanat.version,
        subcommands: [
            DeskCommand.self, WallCommand.self, DemoCommand.self, InitCommand.self, PostCommand.self,
            IncidentCommand.self, UnitCommand.self, AssignCommand.self,
            AssignmentCommand.self, AckCommand.self, ListCommand.self, IngestCommand.self, FollowCommand.self,
            ServeCommand.self,
            SearchCommand.self, MemberCommand.self, ReportCommand.self, DoctorCommand.self, RebuildCommand.self,
            VerifyCommand.self,
            OrgCommand.self, NeedCommand.self, ActivityCommand.self, PledgeCommand.self, SettingCommand.self,
            ExportCommand.self, ImportCommand.self, RiskCommand.self,
            TargetCommand.self, ExerciseCommand.self, BackupCommand.self, RestoreCommand.self, DigestCommand.self,
            ArchiveCommand.self, HubCommand.self,
        ],
        defaultSubcommand: DeskCommand.self)

    static let version = "0.13.0"

    /// For a mistyped command word (`qanat incdent open`): the nearest command at that level.
    static func suggestion(for arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Qanat.self
        var path = ["qanat"]
        for word in arguments {
            guard !word.hasPrefix("-") else { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            guard let near = NearestName.suggest(word, among: subcommands.map { $0._commandName }) else { return nil }
            return "unknown command '\(word)'; did you mean `\((path + [near]).joined(separator: " "))`?"
        }
        return nil
    }
}
