import QanatCore
import QanatText
import XCTest

@testable import QanatUI

/// One table of bindings: what a key does, what the help lists and what the palette runs all come from it.
final class KeyBindingsTests: XCTestCase {
    func testEveryBindingIsDispatchedOnEveryBoardItApplies() {
        for binding in KeyBindings.all {
            for board in Board.allCases where binding.scope.applies(on: board) {
                for (key, action) in binding.keys {
                    XCTAssertEqual(
                        KeyBindings.action(
                            for: key, on: board, detailFocused: binding.scope == .detail, exercise: true), action,
                        "\(key) on \(board) runs \(binding.label)'s action: nothing shadows it")
                }
            }
        }
    }

    func testAKeyMeansWhatTheTableSaysOnEachBoard() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character("j"))
        _ = state.handle(.character("j"))
        _ = state.handle(.character("g"))
        XCTAssertEqual(
            state.selection.incident, state.data.incidents.first?.incident.reference,
            "g: the first row on the incidents board")
        _ = state.handle(.character("2"))
        let grouping = state.unitGrouping
        _ = state.handle(.character("g"))
        XCTAssertNotEqual(state.unitGrouping, grouping, "g: grouping on the units board")
        _ = state.handle(.character("G"))
        XCTAssertEqual(
            state.selection.unit,
            state.key(atRow: state.rowCount - 1).flatMap { key -> CallSign? in
                if case .unit(let sign) = key { sign } else { nil }
            },
            "G: the last row")
        XCTAssertNil(
            KeyBindings.action(for: .character("r"), on: .units, detailFocused: false), "r replies on the log only")
        // Keys that would only say "nothing selected" on a board are not bound there (a walk-through found them).
        XCTAssertNil(
            KeyBindings.action(for: .character("s"), on: .log, detailFocused: false), "a message has no status")
        XCTAssertNil(
            KeyBindings.action(for: .character("a"), on: .units, detailFocused: false),
            "a unit is assigned from its incident")
        XCTAssertEqual(
            KeyBindings.action(for: .enter, on: .units, detailFocused: false), .details, "a unit has its detail")
    }

    func testTheHelpListsEveryBindingOfTheBoardInBothLanguagesAt80x24() {
        for language in Language.allCases {
            for board in Board.allCases {
                var state = SampleDesk.state(width: 80, height: 24, language: language)
                state.exercise = true
                _ = state.handle(.function(board.functionKey))
                _ = state.handle(.character("?"))
                XCTAssertEqual(state.overlay, .help)
                var seen = ""
                for _ in 0..<HelpOverlay.geometry(state).pages {
                    seen += DeskView.render(state).lines.joined(separator: "\n") + "\n"
                    _ = state.handle(.character(" "))
                }
                for binding in KeyBindings.shown(on: board, exercise: true) {
                    let text = state.localizer(binding.text)
                    XCTAssertTrue(
                        seen.contains(binding.label), "\(language) \(board): \(binding.label) is in the help\n\(seen)")
                    XCTAssertTrue(
                        seen.contains(Bidi.visual(text)), "\(language) \(board): '\(text)' is in the help\n\(seen)")
                }
            }
        }
        XCTAssertEqual(
            Set(Board.allCases.flatMap { KeyBindings.shown(on: $0, exercise: true).map(\.label) }),
            Set(KeyBindings.all.map(\.label)),
            "every binding is in the help of some board")
        XCTAssertFalse(
            KeyBindings.shown(on: .incidents).contains { $0.label == "P" },
            "the controller's keys only on an exercise store")
        XCTAssertNil(
            KeyBindings.action(for: .character("P"), on: .incidents, detailFocused: false),
            "and they do nothing elsewhere")
    }

    func testThePaletteOffersEveryCommandThatActsOnNoPlaceAndRunsItAsItsKeyDoes() {
        for language in Language.allCases {
            let commands = KeyBindings.all.filter { !$0.actsOnPlace }
            let l = Localizer(language)
            let entries = Picker.paletteEntries("", now: SampleDesk.now, localizer: l, exercise: true)
            XCTAssertEqual(
                entries.map(\.label), commands.map { l($0.text) }, "\(language): every command, in the table's order")
            for (binding, entry) in zip(commands, entries) {
                var byPalette = SampleDesk.state(width: 120, height: 30, language: language)
                byPalette.exercise = true
                _ = byPalette.handle(.character(":"))
                let both = binding.text.translations
                for character in language == .ar ? both.ar : both.en { _ = byPalette.handle(.character(character)) }
                let found = byPalette.picker?.entries.firstIndex { $0.target == entry.target }
                XCTAssertNotNil(found, "\(language): typing its description finds '\(entry.label)'")
                for _ in 0..<(found ?? 0) { _ = byPalette.handle(.down) }
                let paletteEffect = byPalette.handle(.enter)

                var byKey = SampleDesk.state(width: 120, height: 30, language: language)
                byKey.exercise = true
                if case .boards(let boards) = binding.scope { _ = byKey.handle(.function(boards[0].functionKey)) }
                let keyEffect = byKey.handle(binding.keys[0].key)
                XCTAssertEqual(paletteEffect, keyEffect, binding.label)
                XCTAssertEqual(byPalette.board, byKey.board, binding.label)
                XCTAssertEqual(byPalette.form?.purpose, byKey.form?.purpose, binding.label)
                XCTAssertEqual(byPalette.overlay, byKey.overlay, binding.label)
                XCTAssertEqual(byPalette.picker?.kind, byKey.picker?.kind, binding.label)
                XCTAssertEqual(byPalette.language, byKey.language, binding.label)
                XCTAssertEqual(byPalette.unitGrouping, byKey.unitGrouping, binding.label)
            }
        }
    }
}
