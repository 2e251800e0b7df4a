import ArgumentParser

struct Qanat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qanat",
        abstract: "Qanat (قناة): one channel for a multi-agency emergency operations desk.",
        discussion: """
            Every change is an event, written to this process's journal first (fsync) and then \
            applied to the shared store. Exit codes: 0 done, 1 usage, 2 bad data, \
            3 store unavailable (the event is kept in the journal; `qanat ingest` applies it), \
            4 refused (the member's role does not allow it: nothing is written).
            """,
        subcommands: [
            DeskCommand.self, WallCommand.self, DemoCommand.self, InitCommand.self, PostCommand.self, IncidentCommand.self, UnitCommand.self, AssignCommand.self,
            AssignmentCommand.self, AckCommand.self, ListCommand.self, IngestCommand.self, FollowCommand.self,
            SearchCommand.self, MemberCommand.self, ReportCommand.self, DoctorCommand.self, RebuildCommand.self, VerifyCommand.self,
        ],
        defaultSubcommand: DeskCommand.self)
}
