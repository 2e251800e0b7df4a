import Foundation
import QanatTestSupport
import XCTest

/// Values on the command line as officers type them: numbers in Arabic-Indic digits, a day for a
/// time, a negative number refused as a number; and a store path named for what it is.
final class CommandLineValuesTests: XCTestCase {
    func testNumbersTakeArabicIndicDigits() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let need = try q.run(
            "need", "report", "--area", "Derna", "--sector", "shelter", "--what", "Tents", "--quantity", "٣٠٠",
            "--unit", "tents",
            "--people", "١٢٠٠")
        XCTAssertEqual(need.status, 0, need.stderr)
        XCTAssertEqual(try q.run("target", "set", "acknowledge", "٩٠").status, 0)
        XCTAssertEqual(try q.run("target", "set", "assign", "۱۲۰", "--percentile", "٥٠").status, 0)
        let targets = try q.run("target", "list").stdout
        XCTAssertTrue(targets.contains("acknowledge  90") && targets.contains("assign       120"), targets)
        let needs = try q.run("need", "list", "--json").stdout
        XCTAssertTrue(needs.contains("\"quantity\":300"), needs)
        XCTAssertEqual(try q.run("list", "incidents", "--limit", "٥").status, 0)
        let wrong = try q.run("list", "incidents", "--limit", "five")
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("'five' is not a whole number"), wrong.stderr)
    }

    func testANegativeNumberIsRefusedAsANumber() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let negative = try q.run("target", "set", "arrive", "-5")
        XCTAssertEqual(negative.status, 2, negative.stderr)
        XCTAssertTrue(negative.stderr.contains("seconds: '-5'"), negative.stderr)
        let missing = try q.run("target", "set", "arrive")
        XCTAssertTrue(missing.stderr.contains("Missing expected argument"), missing.stderr)
    }

    func testATimeOptionTakesADay() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let performance = try q.run("report", "performance", "--since", "2026-12-01")
        XCTAssertEqual(performance.status, 0, performance.stderr)
        XCTAssertTrue(
            performance.stdout.contains("1 Dec 2026 00:00"),
            "from the start of the day, Libya time: \(performance.stdout)")
        XCTAssertEqual(try q.run("report", "shift", "--since", "٢٠٢٦-١٢-٠٦").status, 0)
        let wrong = try q.run("report", "shift", "--since", "yesterday")
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("'yesterday' is neither a day"), wrong.stderr)
    }

    func testAStorePathIsNamedForWhatItIs() throws {
        let q = try QanatProcess()
        let directory = try q.run("list", "incidents", "--db", q.directory)
        XCTAssertEqual(directory.status, 5, directory.stderr)
        XCTAssertTrue(directory.stderr.contains("is not a Qanat store (it is a directory)"), directory.stderr)
        let device = try q.run("list", "incidents", "--db", "/dev/null")
        XCTAssertTrue(device.stderr.contains("it is a device"), device.stderr)

        XCTAssertEqual(try q.run("init").status, 0)
        chmod(q.database, 0o600)
        let outsider = try UnixTestAccounts.user("qanat-outsider")
        let unreadable = try q.run(as: outsider, ["list", "incidents"])
        XCTAssertEqual(unreadable.status, 3, unreadable.stderr)
        XCTAssertTrue(
            unreadable.stderr.contains("qanat-outsider may not read it (Permission denied)"), unreadable.stderr)
        XCTAssertFalse(unreadable.stderr.contains("no store"), unreadable.stderr)
    }

    /// The display settings are typed: the argument parser lists their values and refuses a wrong one
    /// (exit 1) before any store is opened; `auto` stays a choice of `--bidi`.
    func testDisplaySettingsAreCheckedByTheirTypes() throws {
        let q = try QanatProcess()
        let language = try q.run("desk", "--lang", "fr")
        XCTAssertEqual(language.status, 1)
        XCTAssertTrue(
            language.stderr.contains("'fr' is invalid for '--lang <lang>'. Please provide one of 'en' and 'ar'"),
            language.stderr)
        let bidi = try q.run("report", "shift", "--lang", "ar", "--bidi", "sideways")
        XCTAssertNotEqual(bidi.status, 0, "report shift has no --bidi")
        let wall = try q.run("wall", "--bidi", "sideways")
        XCTAssertEqual(wall.status, 1)
        XCTAssertTrue(wall.stderr.contains("'app', 'terminal' or 'auto'"), wall.stderr)
        let digits = try q.run("desk", "--digits", "roman")
        XCTAssertTrue(digits.stderr.contains("'western' and 'arabic-indic'"), digits.stderr)
        XCTAssertTrue(try q.run("desk", "--help").stdout.contains("(values: app, terminal, auto)"))
        XCTAssertEqual(try q.run("init").status, 0)
        let upper = try q.run("report", "shift", "--lang", "AR")
        XCTAssertEqual(upper.status, 0, "a value in any case: \(upper.stderr)")
    }

    /// Run again, init upgrades a store; it never makes a real store an exercise's.
    func testInitNeverTurnsARealStoreIntoAnExercise() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: q.database))
        let again = try q.run("init", "--exercise")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("is a real store and stays one"), again.stderr)
        XCTAssertFalse(try q.run("list", "incidents").stdout.contains("EXERCISE"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: q.database)), before, "nothing changed")
    }

    /// Help that lists a field's values takes them from the field's type, so it cannot go stale.
    func testHelpListsValuesFromTheirTypes() throws {
        let q = try QanatProcess()
        let post = try q.run("post", "--help").stdout
        XCTAssertTrue(post.contains("routine, priority, immediate or flash."), post)
        XCTAssertTrue(post.contains("radio, phone, sms, email, in-person or system."), post)
        let assign = try q.run("assignment", "--help").stdout
        XCTAssertTrue(
            assign.contains("acknowledged, arrived or released"), "a stage that moves forward, not tasked:\n\(assign)")
    }
}
