import Foundation
import QanatTestSupport
import XCTest

/// The coordination's commands as scripts call them: organisations, needs, activities, pledges,
/// the duplication warning and the coverage CSV, on a real store through the real binary.
final class CoordinationCommandTests: XCTestCase {
    static let today: String = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 2 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }()

    func trimmed(_ result: QanatProcess.Result) -> String {
        result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testARegistryNeedsActivitiesPledgesAndTheCoverageTheyMake() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let added = try q.run(
            "org", "add", "LY-SCOUTS", "--kind", "civilSociety", "--name-en", "Libyan Scouts, Derna",
            "--name-ar", "الكشافة الليبية", "--registration", "CSC-114", "--area", "Darnah", "--sector", "shelter",
            "--focal", "Amal Idris;+218 91 000 0000;ch 7")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(trimmed(added), "LY-SCOUTS")
        let again = try q.run("org", "add", "ly-scouts", "--kind", "ngo", "--name-en", "x", "--name-ar", "س")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("code: 'LY-SCOUTS' exists already"), again.stderr)
        let shown = try q.run("org", "show", "LY-SCOUTS", "--json")
        XCTAssertTrue(
            shown.stdout.contains(#""areas":["derna"]"#) && shown.stdout.contains(#""radio":"ch 7""#), shown.stdout)
        XCTAssertTrue(
            try q.run("org", "list", "--kind", "un").stdout.contains("UNHCR"), "today's agencies are organisations")
        for text in ["الكشافه", "scouts", "Amal", "CSC-114"] {
            let found = try q.run("org", "list", "--search", text, "--json").lines
            XCTAssertEqual(found.count, 1, "\(text): \(found)")
            XCTAssertTrue(found.first?.contains(#""code":"LY-SCOUTS""#) ?? false)
        }
        XCTAssertTrue(
            try q.run("org", "list", "--search", "الهلال").stdout.contains("LRC"), "an agency by its Arabic name")

        let need = try q.run(
            "need", "report", "--area", "درنة", "--sector", "shelter", "--what", "Family tents", "--quantity", "100",
            "--unit", "tents", "--people", "500", "--org", "LRC")
        XCTAssertEqual(need.status, 0, need.stderr)
        let needID = trimmed(need)
        XCTAssertEqual(needID.count, 36)
        let short = String(needID.prefix(13))
        let badSector = try q.run(
            "need", "report", "--area", "Derna", "--sector", "housing", "--what", "x", "--quantity", "1", "--unit", "u")
        XCTAssertEqual(badSector.status, 2)
        XCTAssertTrue(
            badSector.stderr.contains("sector: 'housing' is not one of: shelter, food, wash"), badSector.stderr)

        let first = try q.run(
            "activity", "add", "--org", "LRC", "--sector", "shelter", "--area", "Derna", "--what", "Tent distribution",
            "--start", Self.today, "--end", Self.today, "--need", short)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stderr, "", "an open need makes the first activity no duplicate")
        let otherSector = try q.run(
            "activity", "add", "--org", "IOM", "--sector", "health", "--area", "Derna", "--what", "x",
            "--start", Self.today, "--end", Self.today, "--need", short)
        XCTAssertEqual(otherSector.status, 2)
        XCTAssertTrue(
            otherSector.stderr.contains("need: '\(needID)' is not a need of the activity's own area and sector"),
            otherSector.stderr)
        let hostile = try q.run(
            "org", "add", "EVIL", "--kind", "ngo", "--name-en", "x", "--name-ar", "س", "--focal",
            "Bob\u{1B}[1m;1\u{1B}]0;X\u{07};2;3")
        XCTAssertEqual(hostile.status, 2)
        XCTAssertFalse(hostile.stderr.contains("\u{1B}"), "an error quoting a value neutralises it: \(hostile.stderr)")
        XCTAssertTrue(hostile.stderr.contains("␛"), hostile.stderr)
        XCTAssertEqual(
            try q.run(
                "org", "add", "EVIL", "--kind", "ngo", "--name-en", "Evil \u{1B}]2;PWNED\u{07}Org", "--name-ar", "س",
                "--focal", "Bob\u{1B}[1m;1;2"
            ).status, 0)
        let shownEvil = try q.run("org", "show", "EVIL").stdout
        XCTAssertFalse(shownEvil.contains("\u{1B}") || shownEvil.contains("\u{07}"), shownEvil)
        XCTAssertTrue(shownEvil.contains("Evil ␛]2;PWNED␇Org"), shownEvil)
        let notYet = try q.run(
            "activity", "add", "--org", "IOM", "--sector", "shelter", "--area", "Derna", "--what", "x",
            "--start", "2099-01-01", "--end", "2099-01-02", "--status", "finished")
        XCTAssertEqual(notYet.status, 2)
        XCTAssertTrue(
            notYet.stderr.contains("status: 'finished' is not planned: it starts on 2099-01-01"), notYet.stderr)
        let late = try q.run("pledge", "add", short, "--org", "IOM", "--quantity", "5", "--by", "2020-01-01")
        XCTAssertEqual(late.status, 2)
        XCTAssertTrue(late.stderr.contains("by: '2020-01-01' is not today"), late.stderr)
        let reversed = try q.run(
            "activity", "add", "--org", "IOM", "--sector", "shelter", "--area", "Derna", "--what", "x",
            "--start", Self.today, "--end", "2020-01-01")
        XCTAssertEqual(reversed.status, 2)
        XCTAssertTrue(reversed.stderr.contains("end: '2020-01-01' is not on or after the start"), reversed.stderr)

        // Two organisations deliver beyond the need: the second activity is named a duplicate.
        let pledge = try q.run("pledge", "add", short, "--org", "LRC", "--quantity", "80")
        XCTAssertEqual(pledge.status, 0, pledge.stderr)
        XCTAssertEqual(
            try q.run("pledge", "update", String(trimmed(pledge).prefix(12)), "--status", "delivering").status, 0)
        let iomPledge = trimmed(try q.run("pledge", "add", needID, "--org", "IOM", "--quantity", "60"))
        XCTAssertEqual(try q.run("pledge", "update", iomPledge, "--status", "delivered").status, 0)
        let back = try q.run("pledge", "update", iomPledge, "--status", "delivering")
        XCTAssertEqual(back.status, 2)
        XCTAssertTrue(back.stderr.contains("cannot go from delivered to delivering"), back.stderr)
        let second = try q.run(
            "activity", "add", "--org", "IOM", "--sector", "shelter", "--area", "Derna", "--what", "Tents",
            "--start", Self.today, "--end", Self.today)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("duplicated: Derna × shelter — LRC already work there"), second.stderr)

        let csv = try q.run("report", "coverage", "--csv").lines
        XCTAssertEqual(csv.first, "district,district_code,area,area_code,sector,needed,covered,organisations,flags")
        XCTAssertEqual(csv.count, 2, csv.joined(separator: "\n"))
        let row = csv[1].components(separatedBy: ",")
        XCTAssertEqual(Array(row[2...]), ["Derna", row[3], "shelter", "100", "140", "IOM;LRC", "duplicated"], csv[1])
        XCTAssertTrue(row[3].hasPrefix("LY"), "the area carries its P-code")

        XCTAssertEqual(
            try q.run(
                "activity", "add", "--org", "WFP", "--sector", "food", "--area", "Sabha", "--what", "Targeted",
                "--start", Self.today, "--end", Self.today, "--targeted", "500"
            ).status, 0)
        XCTAssertTrue(
            try q.run("activity", "list", "--area", "Sabha").lines.last?.contains(" 0/500 ") ?? false,
            "reached of targeted")
        XCTAssertEqual(try q.run("need", "update", short, "--status", "closed").status, 0)
        XCTAssertEqual(try q.run("need", "list", "--open").lines.count, 1, "a closed need is not open")
        XCTAssertEqual(try q.run("activity", "list", "--district", "Derna", "--json").lines.count, 2)
        XCTAssertEqual(
            try q.run("activity", "list", "--district", "Benghazi").lines.count, 1, "Benghazi the district holds none")
        let markdown = try q.run("report", "coverage", "--markdown", "--lang", "ar")
        XCTAssertTrue(
            markdown.stdout.contains("# تغطية الاحتياجات") && markdown.stdout.contains("ازدواجية"), markdown.stdout)
    }

    func testAnOperatorRecordsOnlyForItsOwnOrganisationAndASupervisorRegisters() throws {
        let q = try MemberRoleTests.store(as: "operator", for: "LRC")
        let refused = try q.run(
            "org", "add", "NEWORG", "--kind", "private", "--name-en", "Trucks Co", "--name-ar", "شركة")
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(
            refused.stderr.contains("registering or suspending an organisation needs the supervisor role"),
            refused.stderr)
        let other = try q.run(
            "need", "report", "--area", "Sabha", "--sector", "food", "--what", "x", "--quantity", "5", "--unit", "kg",
            "--org", "WFP")
        XCTAssertEqual(other.status, 4)
        XCTAssertTrue(other.stderr.contains("operators act for their own agency (LRC), not for WFP"), other.stderr)
        let own = try q.run(
            "need", "report", "--area", "Sabha", "--sector", "food", "--what", "Flour", "--quantity", "5", "--unit", "t"
        )
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertEqual(try q.run("setting", "set", "gapDays", "3").status, 4)
        let implementing = try q.run(
            "activity", "add", "--org", "WFP", "--implementer", "LRC", "--sector", "food", "--area", "Sabha",
            "--what", "Baskets, delivered by LRC", "--start", Self.today, "--end", Self.today)
        XCTAssertEqual(
            implementing.status, 0, "an operator records its organisation's work as implementer: \(implementing.stderr)"
        )
        let funded = try q.run(
            "activity", "add", "--org", "WFP", "--implementer", "IOM", "--sector", "food", "--area", "Sabha",
            "--what", "x", "--start", Self.today, "--end", Self.today)
        XCTAssertEqual(funded.status, 4, "neither funder nor implementer")
        XCTAssertEqual(
            try q.run("org", "update", "LRC", "--focal", "Salem;0912345678").status, 0, "its own focal points")
        XCTAssertEqual(try q.run("org", "update", "LRC", "--status", "suspended").status, 4)
    }
}
