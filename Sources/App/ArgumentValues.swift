import ArgumentParser
import QanatCore
import QanatUI

// The display settings are parsed by the argument parser itself, which lists their values in
// `--help` and refuses a wrong one with its own wording.
extension Language: ExpressibleByArgument {
    /// `AR` as `ar`: a value is taken in any case, as the domain's values are.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension DigitStyle: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--bidi`: who orders Arabic text (`BidiMode`), or `auto` to tell from the terminal.
struct BidiChoice: ExpressibleByArgument, Equatable {
    /// nil for `auto`.
    let mode: BidiMode?

    init?(argument: String) {
        let argument = argument.lowercased()
        if argument == "auto" {
            mode = nil
        } else if let mode = BidiMode(rawValue: argument) {
            self.mode = mode
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { BidiMode.allCases.map(\.rawValue) + ["auto"] }
}

extension NamedValue {
    /// "a, b or c": the values of the type as help lists them, so the help cannot go stale.
    static var spelledOut: String { spelledOut(Array(allCases)) }

    /// Some of the values, as `spelledOut` lists them (a stage that can only move forward).
    static func spelledOut(_ values: [Self]) -> String {
        let names = values.map(\.rawValue)
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
