import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatTestSupport
import XCTest

@testable import QanatUI

/// The controller's inject form, submitted through the desk's own actions on a real exercise
/// store: every wrong field shows its own refusal, in plain words, and no field is hidden at 80×24.
final class InjectFormTests: XCTestCase {
    func testEveryWrongFieldShowsItsOwnRefusal() throws {
        let q = try QanatProcess()
        let file = q.directory + "/drill.toml"
        try ExerciseTerminalTests.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let directory = q.directory + "/drill"
        let player = q.process(["exercise", "start", file, "--directory", directory])
        let out = Pipe()
        player.standardOutput = out
        try player.run()
        defer {
            player.interrupt()
            player.waitUntilExit()
        }
        var said = ""
        while !said.contains("desks join with") {
            let data = out.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            said += String(decoding: data, as: UTF8.self)
        }
        let store = try SQLiteStore(path: directory + "/qanat.sqlite")
        var actions = DeskActions(
            session: WriteSession(journalPath: directory + "/journals/controller.jsonl", officer: "Huda", store: store),
            storePath: store.path, draftsDirectory: directory + "/drafts")
        var state = DeskState(
            width: 80, height: 24, language: .en, officer: "Huda", agency: try AgencyCode("NCEMC"), now: Clock.now())
        state.exercise = true
        state.data.exerciseRun = try store.exerciseRun()
        _ = state.handle(.character("I"))
        var form = try XCTUnwrap(state.form)
        for (field, value) in [
            ("at", "9x"), ("to", "CD, XX"), ("text", "then say no duff"), ("by", "ZZ"), ("within", "2x"),
            ("expect", "acknowledge"),
        ] {
            form.set(field, value)
        }
        state.form = form
        if let outcome = actions.submit(form, state: state) { state.apply(outcome) }
        let errors = Dictionary(
            uniqueKeysWithValues: (state.form?.fields ?? []).compactMap { field in field.error.map { (field.name, $0) }
            })
        XCTAssertEqual(Set(errors.keys), ["at", "to", "text", "by", "within"], "\(errors)")
        XCTAssertEqual(
            errors["text"],
            "Message: the message must not contain the stop phrase 'NO DUFF', which would end the exercise")
        XCTAssertEqual(state.form?.focus, 0, "the first wrong field")
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        for field in state.form?.fields ?? [] {
            XCTAssertTrue(screen.contains(state.localizer(field.label)), "\(field.name) shows:\n\(screen)")
        }
        XCTAssertTrue(screen.contains("⚠ the message must not contain the stop phrase 'NO DUFF'"), screen)
        XCTAssertEqual(
            screen.components(separatedBy: "'9x' is not a duration").count, 2, "each refusal once:\n\(screen)")
    }
}

/// The walk found that other forms showed their first wrong field only: opening an incident, posting
/// and adding a unit now show every wrong field's refusal at once.
final class EveryFieldRefusalTests: XCTestCase {
    func testEachWrongFieldOfAFormIsShownAtOnce() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let store = try SQLiteStore(path: q.database)
        var actions = DeskActions(
            session: WriteSession(journalPath: q.journal, officer: "Huda", store: store), storePath: q.database,
            draftsDirectory: q.directory + "/drafts")
        var state = DeskState(
            width: 80, height: 24, language: .en, officer: "Huda", agency: try AgencyCode("CD"), now: Clock.now())
        let cases: [(key: Character, values: [String: String], wrong: Set<String>)] = [
            (
                "o", ["area": "Nowhereville", "title": " ", "people": "abc", "lead": "XYZ"],
                ["area", "title", "people", "lead"]
            ),
            ("m", ["to": "CD, QQQ", "body": "", "incident": "INC-20"], ["to", "body", "incident"]),
        ]
        for (key, values, wrong) in cases {
            state.form = nil
            _ = state.handle(.character(key))
            var form = try XCTUnwrap(state.form)
            for (field, value) in values { form.set(field, value) }
            state.form = form
            if let outcome = actions.submit(form, state: state) { state.apply(outcome) }
            let errors = Set((state.form?.fields ?? []).filter { $0.error != nil }.map(\.name))
            XCTAssertEqual(
                errors, wrong, "\(key): \(String(describing: state.form?.fields.map { ($0.name, $0.error) }))")
        }
        state.form = nil
        _ = state.handle(.function(3))
        _ = state.handle(.character("n"))
        var unit = try XCTUnwrap(state.form)
        unit.set("callsign", "bad sign!")
        unit.set("agency", "NOPE")
        state.form = unit
        if let outcome = actions.submit(unit, state: state) { state.apply(outcome) }
        XCTAssertEqual(Set((state.form?.fields ?? []).filter { $0.error != nil }.map(\.name)), ["callsign", "agency"])
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0, "nothing written")
    }
}
