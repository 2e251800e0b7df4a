import Foundation
import QanatTestSupport
import XCTest

/// What a user without the desk reads: an incident whole, and the values each field takes.
final class ReadEveryWordTests: XCTestCase {
    func testIncidentShowPrintsFactsUnitsAndTheWholeTimeline() throws {
        let q = try QanatProcess()
        try q.run("init")
        let ref = try q.run(
            "incident", "open", "--type", "fire", "--severity", "severe", "--area", "سبها", "--title", "Depot fire",
            "--agency", "CD", "--people", "40"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try q.run("unit", "add", "CD-SBH-1", "--agency", "CD", "--kind", "fireEngine")
        try q.run("assign", ref, "CD-SBH-1", "--agency", "CD")
        try q.run(
            "post", "--from", "CD", "--to", "NCEMC", "--priority", "immediate", "--channel", "radio", "--incident", ref,
            "Fire spreading to the fuel store")
        let shown = try q.run("incident", "show", ref)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        for expected in [
            "\(ref)  severe  reported", "Depot fire", "Sabha (سبها)", "people affected 40", "CD-SBH-1  tasked",
            "timeline (3):", "CD-SBH-1 tasked", "[immediate] Fire spreading to the fuel store",
        ] {
            XCTAssertTrue(shown.stdout.contains(expected), "\(expected) in:\n\(shown.stdout)")
        }
        let json = try q.run("incident", "show", ref, "--json").stdout
        XCTAssertEqual(json.split(separator: "\n").count, 1)
        XCTAssertTrue(json.contains(#""assignments":[{"unit":"CD-SBH-1""#), json)
        XCTAssertTrue(
            json.contains(#""kind":"message""#) && json.contains(#""body":"Fire spreading to the fuel store""#), json)
        let missing = try q.run("incident", "show", "INC-2026-0999")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no incident 'INC-2026-0999'"), missing.stderr)
    }

    func testListShowsTheValuesEachFieldTakes() throws {
        let q = try QanatProcess()
        try q.run("init")
        XCTAssertTrue(try q.run("list", "agencies").stdout.contains("Civil Defence"))
        XCTAssertTrue(try q.run("list", "areas").stdout.contains("بنغازي"))
        XCTAssertTrue(try q.run("list", "types").stdout.contains("meteorological.storm"))
        XCTAssertTrue(
            try q.run("list", "types").stdout.contains("infrastructure.buildingCollapse "), "whole, as it is typed")
        XCTAssertTrue(try q.run("list", "kinds").stdout.contains("waterRescue"))
        let json = try q.run("list", "agencies", "--json").lines
        XCTAssertTrue(json.contains { $0.contains(#""value":"LRC""#) }, json.joined(separator: "\n"))
    }

    func testAnAcknowledgementFromAnAgencyNotAskedIsRefusedAndTheCountsAgree() throws {
        let q = try QanatProcess()
        try q.run("init")
        let id = try q.run(
            "post", "--from", "LRC", "--to", "NCEMC", "--priority", "flash", "--channel", "radio", "--ack",
            "Boats needed"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let refused = try q.run("ack", id, "--agency", "CD")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("not addressed to CD"), refused.stderr)
        XCTAssertEqual(try q.run("ack", id, "--agency", "NCEMC").status, 0)
        XCTAssertTrue(try q.run("list", "messages").stdout.contains(" 1/1 "))
    }

    func testUnitUpdateAndADuplicateCallSign() throws {
        let q = try QanatProcess()
        try q.run("init")
        XCTAssertEqual(try q.run("unit", "add", "CD-1", "--agency", "CD", "--kind", "rescue").status, 0)
        let twice = try q.run("unit", "add", "cd-1", "--agency", "LRC", "--kind", "ambulance")
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("'CD-1' exists already, a unit of CD"), twice.stderr)
        XCTAssertEqual(
            try q.run("unit", "update", "CD-1", "--kind", "waterRescue", "--capability", "boat", "--contact", "VHF 7")
                .status, 0)
        let unit = try q.run("list", "units", "--json").stdout
        XCTAssertTrue(
            unit.contains(#""kind":"waterRescue""#) && unit.contains(#""capabilities":["boat"]"#)
                && unit.contains("VHF 7"), unit)
        let assigned = try q.run("unit", "status", "CD-1", "assigned")
        XCTAssertEqual(assigned.status, 2, "a unit is assigned only through an assignment")
        XCTAssertTrue(assigned.stderr.contains("allowed from available: outOfService"), assigned.stderr)
    }
}

/// The command line forgives what people mistype, and says what it took.
final class ForgivingCommandLineTests: XCTestCase {
    func testSuggestionsVersionShortTypesAndIdPrefixes() throws {
        let q = try QanatProcess()
        try q.run("init")
        let typo = try q.run("incdent", "open")
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue(typo.stderr.contains("did you mean `qanat incident`?"), typo.stderr)
        let nested = try q.run("incident", "opne")
        XCTAssertTrue(nested.stderr.contains("did you mean `qanat incident open`?"), nested.stderr)
        XCTAssertTrue(try q.run("--version").stdout.contains("0."), "a version is printed")

        let opened = try q.run(
            "incident", "open", "--type", "storm", "--severity", "SEVERE", "--area", "Al Bayda", "--title", "Gale")
        XCTAssertEqual(opened.status, 0, opened.stderr)
        XCTAssertTrue(try q.run("list", "incidents", "--json").stdout.contains(#""type":"meteorological.storm""#))
        let ambiguous = try q.run(
            "incident", "open", "--type", "flood", "--severity", "minor", "--area", "Derna", "--title", "x")
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertTrue(ambiguous.stderr.contains("could be: flood.flashFlood"), ambiguous.stderr)

        let id = try q.run(
            "post", "--from", "LRC", "--to", "NCEMC", "--priority", "Flash", "--channel", "radio", "--ack", "x"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let acked = try q.run("ack", String(id.prefix(8)), "--agency", "NCEMC")
        XCTAssertEqual(acked.status, 0, acked.stderr)
        XCTAssertTrue(try q.run("list", "messages").stdout.contains(" 1/1 "))
        let tooShort = try q.run("ack", String(id.prefix(5)), "--agency", "NCEMC")
        XCTAssertEqual(tooShort.status, 2)
        XCTAssertTrue(tooShort.stderr.contains("first 8 characters"), tooShort.stderr)
        let nothing = try q.run("search", "zzzqqq")
        XCTAssertEqual(nothing.status, 0)
        XCTAssertTrue(nothing.stderr.contains("no incident or message matches 'zzzqqq'"), nothing.stderr)
    }
}
