import Foundation
import QanatTestSupport
import QanatText
import XCTest

/// The Arabic interface in a real terminal: what `--bidi app` draws, what `--bidi terminal`
/// leaves to the terminal, and editing Arabic in a form.
final class DeskArabicTests: XCTestCase {
    func testArabicDeskMirrorsEditsArabicAndSwitchesTheTerminalToExplicitBidi() throws {
        let q = try QanatProcess()
        let ref = try DeskHarness.seed(q)
        let raw = q.directory + "/terminal.raw"
        let desk = try DeskHarness.startDesk(
            q, width: 80, height: 24, arguments: "--lang ar --bidi app", recording: raw)
        var screen = try desk.waitFor { $0.contains(Bidi.visual("الحوادث")) }
        let row = screen.split(separator: "\n").first { $0.contains(ref) }.map(String.init) ?? ""
        XCTAssertTrue(
            row.trimmingCharacters(in: .whitespaces).hasSuffix(ref), "the reference column is on the right: \(row)")

        // Open an incident: the area in Arabic, the title typed with a slip, mended with the
        // arrows (→ goes back in Arabic text) and Backspace.
        try desk.send("o")
        try desk.waitFor { $0.contains(Bidi.visual("فتح حادثة")) }
        try desk.send("Tab", "Tab")
        try desk.type("طبرق")
        try desk.send("Tab")
        try desk.type("سيول الواديي")
        try desk.send("BSpace")
        for _ in 0..<6 { try desk.send("Right") }
        try desk.type("في ")
        screen = try desk.waitFor { $0.contains(Bidi.visual("سيول في الوادي")) }
        XCTAssertTrue(
            screen.contains(Bidi.visual("سيول في الوادي")), "joined letters, right to left, while typing:\n\(screen)")
        try desk.send("Enter", "Enter", "Enter", "Enter")
        try desk.waitFor { !$0.contains(Bidi.visual("فتح حادثة")) }
        let incidents = try q.run("list", "incidents", "--json").stdout
        XCTAssertTrue(incidents.contains(#""title":"سيول في الوادي""#), "stored in logical order: \(incidents)")

        try desk.send("q")
        try desk.waitFor { !$0.contains(Bidi.visual("الحوادث")) }
        let bytes = try String(contentsOfFile: raw, encoding: .utf8)
        XCTAssertTrue(bytes.contains("\u{1B}[8l"), "explicit bidi mode at start")
        XCTAssertTrue(bytes.contains("\u{1B}[8h"), "implicit mode given back at exit")
    }

    func testTerminalModeLeavesArabicInLogicalOrder() throws {
        let q = try QanatProcess()
        let ref = try DeskHarness.seed(q)
        let raw = q.directory + "/terminal.raw"
        let desk = try DeskHarness.startDesk(
            q, width: 100, height: 30, arguments: "--lang ar --bidi terminal", recording: raw)
        let screen = try desk.waitFor { $0.contains("الحوادث") }
        let row = screen.split(separator: "\n").first { $0.contains(ref) }.map(String.init) ?? ""
        XCTAssertTrue(row.hasPrefix(ref), "not mirrored: the terminal's own bidi decides: \(row)")
        try desk.send("q")
        try desk.waitFor { !$0.contains("الحوادث") }
        XCTAssertFalse(try String(contentsOfFile: raw, encoding: .utf8).contains("\u{1B}[8l"))
    }
}
