import ArgumentParser
import QanatCore

struct SettingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting", abstract: "Settings every desk and report of the store shares.",
        subcommands: [Set.self, List.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Change a setting (supervisor): gapDays, the days after which an open need still not covered is a gap.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "\(StoreSetting.allCases.map(\.rawValue).joined(separator: ", ")).") var setting: String
        @Argument(help: "Its new value.", transform: wholeNumber) var value: Int

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            try recorder.record { actions in
                try actions.changeSetting(setting, value: value, actingAgency: recorder.agency(nil))
            }
            print("\(setting) \(value)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every setting and its value.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.readingStore()
            do {
                for setting in StoreSetting.allCases { print("\(setting.rawValue) \(try opened.setting(setting))") }
            } catch { throw CLIError.from(error) }
        }
    }
}
