import Foundation
import QanatCore
import QanatUI
import TOMLKit

/// Reads an exercise scenario from TOML (docs/exercise-format.md). Unknown tables and keys are
/// refused, naming them, as a theme's are: a misspelt `expect` must not pass silently.
enum ScenarioFile {
    struct Problem: Error, CustomStringConvertible {
        let file: String
        let reason: String
        var description: String { "\(file): \(reason)" }
    }

    static func read(_ path: String) throws(Problem) -> (scenario: ExerciseScenario, bytes: [UInt8]) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Problem(file: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problem(file: path, reason: "not UTF-8 text")
        }
        return (try parse(text, file: path), Array(data))
    }

    static func parse(_ text: String, file: String) throws(Problem) -> ExerciseScenario {
        let root: TOMLTable
        do { root = try TOMLFile.table(text) } catch { throw Problem(file: file, reason: error.reason) }
        let reader = Reader(file: file)
        try reader.only(root, ["exercise", "incidents", "units", "needs", "injects"], at: "")
        guard let head = root["exercise"]?.table else {
            throw Problem(file: file, reason: "no [exercise] table (name, name_ar, stop_phrase, controller)")
        }
        try reader.only(head, ["name", "name_ar", "stop_phrase", "controller"], at: "exercise")
        let phrase = try reader.optionalText(head, "stop_phrase", at: "exercise")
        if let phrase, phrase.trimmingSpaces().isEmpty {
            throw reader.problem("exercise", "stop_phrase", "empty: agree a phrase, or leave the key out")
        }
        var scenario = ExerciseScenario(
            name: try reader.text(head, "name", at: "exercise"),
            nameArabic: try reader.optionalText(head, "name_ar", at: "exercise"),
            stopPhrase: phrase,
            controller: try reader.optionalText(head, "controller", at: "exercise"))
        for (path, t) in try reader.tables(root, "incidents") {
            try reader.only(
                t, ["key", "type", "severity", "area", "title", "place", "agency", "lead", "people"], at: path)
            scenario.incidents.append(
                .init(
                    key: try reader.text(t, "key", at: path), type: try reader.text(t, "type", at: path),
                    severity: try reader.text(t, "severity", at: path),
                    area: try reader.text(t, "area", at: path), title: try reader.text(t, "title", at: path),
                    place: try reader.optionalText(t, "place", at: path),
                    agency: try reader.optionalText(t, "agency", at: path) ?? scenario.controller ?? "MOI",
                    lead: try reader.optionalText(t, "lead", at: path),
                    people: try reader.optionalInteger(t, "people", at: path)))
        }
        for (path, t) in try reader.tables(root, "units") {
            try reader.only(t, ["call_sign", "agency", "kind", "capabilities"], at: path)
            scenario.units.append(
                .init(
                    callSign: try reader.text(t, "call_sign", at: path), agency: try reader.text(t, "agency", at: path),
                    kind: try reader.text(t, "kind", at: path),
                    capabilities: try reader.list(t, "capabilities", at: path)))
        }
        for (path, t) in try reader.tables(root, "needs") {
            try reader.only(
                t, ["area", "sector", "what", "quantity", "unit", "people", "organisation", "incident"], at: path)
            scenario.needs.append(
                .init(
                    area: try reader.text(t, "area", at: path), sector: try reader.text(t, "sector", at: path),
                    what: try reader.text(t, "what", at: path),
                    quantity: try reader.optionalInteger(t, "quantity", at: path) ?? 0,
                    unit: try reader.text(t, "unit", at: path),
                    people: try reader.optionalInteger(t, "people", at: path),
                    organisation: try reader.text(t, "organisation", at: path),
                    incident: try reader.optionalText(t, "incident", at: path)))
        }
        for (path, t) in try reader.tables(root, "injects") {
            try reader.only(
                t, ["at", "from", "to", "channel", "priority", "text", "incident", "expect", "by", "within"], at: path)
            scenario.injects.append(
                .init(
                    at: try reader.duration(t, "at", at: path) ?? 0, from: try reader.text(t, "from", at: path),
                    to: try reader.list(t, "to", at: path),
                    channel: try reader.optionalText(t, "channel", at: path),
                    priority: try reader.optionalText(t, "priority", at: path),
                    text: try reader.text(t, "text", at: path),
                    incident: try reader.optionalText(t, "incident", at: path),
                    expect: try reader.optionalText(t, "expect", at: path),
                    by: try reader.optionalText(t, "by", at: path),
                    within: try reader.duration(t, "within", at: path)))
        }
        do { try scenario.check() } catch { throw Problem(file: file, reason: error.description) }
        return scenario
    }

    /// Typed reads that name the table and key of a wrong value.
    struct Reader {
        let file: String

        func problem(_ path: String, _ key: String, _ reason: String) -> Problem {
            Problem(file: file, reason: "\(path.isEmpty ? "" : path + ".")\(key): \(reason)")
        }

        func only(_ table: TOMLTable, _ keys: [String], at path: String) throws(Problem) {
            do { try TOMLFile.refuseUnknownKeys(table, allowed: keys, at: path) } catch {
                throw Problem(file: file, reason: error.reason)
            }
        }

        func tables(_ root: TOMLTable, _ name: String) throws(Problem) -> [(String, TOMLTable)] {
            guard let value = root[name] else { return [] }
            guard let array = value.array else { throw problem("", name, "expected [[\(name)]] tables") }
            var out: [(String, TOMLTable)] = []
            for (index, element) in array.enumerated() {
                guard let table = element.table else { throw problem("", "\(name)[\(index + 1)]", "expected a table") }
                out.append(("\(name)[\(index + 1)]", table))
            }
            return out
        }

        func optionalText(_ table: TOMLTable, _ key: String, at path: String) throws(Problem) -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else { throw problem(path, key, "expected text in quotes") }
            return text
        }

        func text(_ table: TOMLTable, _ key: String, at path: String) throws(Problem) -> String {
            guard let text = try optionalText(table, key, at: path) else { throw problem(path, key, "missing") }
            return text
        }

        func optionalInteger(_ table: TOMLTable, _ key: String, at path: String) throws(Problem) -> Int? {
            guard let value = table[key] else { return nil }
            guard let number = value.int else { throw problem(path, key, "expected a whole number") }
            return number
        }

        /// Text or a list of text: `to = "CD"` or `to = ["CD", "LRC"]`.
        func list(_ table: TOMLTable, _ key: String, at path: String) throws(Problem) -> [String] {
            guard let value = table[key] else { return [] }
            if let one = value.string { return [one] }
            guard let array = value.array else { throw problem(path, key, "expected text or a list of text") }
            var out: [String] = []
            for element in array {
                guard let text = element.string else { throw problem(path, key, "expected a list of text") }
                out.append(text)
            }
            return out
        }

        /// Seconds as a number, or text: `"90s"`, `"2m"`, `"1h30m"`.
        func duration(_ table: TOMLTable, _ key: String, at path: String) throws(Problem) -> Int? {
            guard let value = table[key] else { return nil }
            if let seconds = value.int { return seconds }
            guard let text = value.string else {
                throw problem(path, key, "expected seconds or a duration such as \"2m\"")
            }
            do { return try ScenarioDuration.seconds(text, field: key) } catch {
                throw problem(path, key, "'\(text)' is not a duration: 90, 90s, 2m, 1h30m")
            }
        }
    }
}
