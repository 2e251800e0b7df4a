import Foundation
import QanatCore
import QanatTestSupport
import XCTest

/// The 3W, needs and organisations as HXL: exports read back by libhxl, the HXL reference
/// implementation; imports applied once, refusing bad rows by line, for supervisors only.
final class HXLExchangeTests: XCTestCase {
    /// Runs Python with libhxl on `script`; its standard output.
    func libhxl(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: errors, as: UTF8.self))
        return String(decoding: data, as: UTF8.self)
    }

    func seed(_ q: QanatProcess) throws -> (need: String, activity: String) {
        XCTAssertEqual(try q.run("init").status, 0)
        XCTAssertEqual(
            try q.run(
                "org", "add", "ALWAHA", "--kind", "private", "--name-en", "Al Waha Transport, Ltd", "--name-ar",
                "الواحة للنقل",
                "--area", "Benghazi", "--area", "Derna", "--sector", "logistics", "--focal", "Khaled;0921112222;VHF 3",
                "--capability", "12 trucks"
            ).status, 0)
        let need = try q.run(
            "need", "report", "--area", "Derna", "--sector", "wash", "--what", "Water \"drinking\", bottled",
            "--quantity", "5000", "--unit", "litres", "--people", "800", "--org", "LRC"
        ).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let activity = try q.run(
            "activity", "add", "--org", "UNICEF", "--implementer", "ALWAHA", "--sector", "wash", "--area", "درنة",
            "--what", "Trucking", "--start", "2026-12-01", "--end", "2026-12-20", "--status", "ongoing",
            "--targeted", "800", "--need", need
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try q.run("activity", "update", activity, "--reached", "300").status, 0)
        return (need, activity)
    }

    func testExportsAreHXLThatLibhxlReadsWithEveryValue() throws {
        let q = try QanatProcess()
        let (need, activity) = try seed(q)
        for kind in ["activities", "needs", "organisations"] {
            XCTAssertEqual(try q.run("export", "hxl", kind, "--out", q.directory + "/\(kind).csv").status, 0)
        }
        let read = try libhxl(
            """
            import hxl, json
            out = {}
            for kind in ["activities", "needs", "organisations"]:
                source = hxl.data("\(q.directory)/" + kind + ".csv", hxl.InputOptions(allow_local=True))
                out[kind] = [{c.display_tag: v for c, v in zip(source.columns, row.values)} for row in source]
            print(json.dumps(out, ensure_ascii=False))
            """)
        let tables = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(read.utf8)) as? [String: [[String: String]]])
        let activities = try XCTUnwrap(tables["activities"])
        XCTAssertEqual(activities.count, 1)
        XCTAssertEqual(activities[0]["#activity+code"], activity)
        XCTAssertEqual(activities[0]["#org+code"], "UNICEF")
        XCTAssertEqual(activities[0]["#org+impl+code"], "ALWAHA")
        XCTAssertEqual(activities[0]["#adm1+name"], "Derna")
        XCTAssertEqual(activities[0]["#adm2+name"], "Derna")
        XCTAssertTrue(activities[0]["#adm2+code"]?.hasPrefix("LY") ?? false)
        XCTAssertEqual(activities[0]["#date+start"], "2026-12-01")
        XCTAssertEqual(activities[0]["#reached"], "300")
        XCTAssertEqual(activities[0]["#meta+needs"], need)
        let needs = try XCTUnwrap(tables["needs"])
        XCTAssertEqual(needs.first?["#item+name"], "Water \"drinking\", bottled")
        XCTAssertEqual(needs.first?["#inneed"], "800")
        let organisations = try XCTUnwrap(tables["organisations"])
        let waha = try XCTUnwrap(organisations.first { $0["#org+code"] == "ALWAHA" })
        XCTAssertEqual(waha["#org+name+i_en"], "Al Waha Transport, Ltd")
        XCTAssertEqual(waha["#org+name+i_ar"], "الواحة للنقل")
        XCTAssertEqual(waha["#contact+list"], "Khaled;0921112222;VHF 3")
        XCTAssertEqual(organisations.count, 15, "the fourteen agencies and the new one")
    }

    /// A need whose text a spreadsheet would run is exported as text, and an import gives it back exactly.
    func testAFormulaInACellIsExportedAsTextAndImportedBack() throws {
        let source = try QanatProcess()
        XCTAssertEqual(try source.run("init").status, 0)
        let hostile = "=HYPERLINK(\"http://evil.example\",\"Tents\")"
        let reported = try source.run(
            "need", "report", "--area", "Derna", "--sector", "shelter", "--what", hostile, "--quantity", "40",
            "--unit=-tents", "--org", "LRC")
        XCTAssertEqual(reported.status, 0, reported.stderr)
        XCTAssertEqual(try source.run("export", "hxl", "needs", "--out", source.directory + "/needs.csv").status, 0)
        let csv = try String(contentsOfFile: source.directory + "/needs.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains("\"'=HYPERLINK("), csv)
        XCTAssertTrue(csv.contains(",'-tents,"), csv)
        XCTAssertFalse(csv.contains(",=") || csv.contains(",\"="), "no cell begins a formula: \(csv)")
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        XCTAssertEqual(try q.run("import", "hxl", "needs", source.directory + "/needs.csv").status, 0)
        let listed = try q.run("need", "list", "--json").stdout
        XCTAssertTrue(listed.contains(#""what":"=HYPERLINK(\"http://evil.example\",\"Tents\")""#), listed)
        XCTAssertTrue(listed.contains(#""unit":"-tents""#), listed)
    }

    /// A partner's row carrying the id of another organisation's need is refused, never merged into it.
    func testARowWithAnotherOrganisationsIdIsRefusedNotMerged() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let need = try q.run(
            "need", "report", "--area", "Derna", "--sector", "shelter", "--what", "Tents", "--quantity", "40",
            "--unit", "tents", "--org", "LRC"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try """
        Need ID,Sector,What,Qty,Unit,By,Area
        #meta+id,#sector,#item+name,#item+needed+num,#item+unit,#org+code,#adm2+name
        \(need),shelter,Tents,400,tents,WFP,Derna
        """.write(toFile: q.directory + "/partner.csv", atomically: false, encoding: .utf8)
        let imported = try q.run("import", "hxl", "needs", q.directory + "/partner.csv")
        XCTAssertEqual(imported.status, 2, imported.stdout)
        XCTAssertTrue(imported.stdout.hasPrefix("0 applied, 0 already present, 1 refused"), imported.stdout)
        XCTAssertTrue(
            imported.stderr.contains("line 3: #meta+id: '\(need)' exists already, a need of LRC"), imported.stderr)
        let listed = try q.run("need", "list", "--json").stdout
        XCTAssertTrue(listed.contains(#""quantity":40"#) && listed.contains(#""org":"LRC""#), listed)
    }

    func testAnImportAppliesEachRowOnceNamesRefusedRowsAndNeedsASupervisor() throws {
        let source = try QanatProcess()
        _ = try seed(source)
        for kind in ["organisations", "needs", "activities"] {
            XCTAssertEqual(try source.run("export", "hxl", kind, "--out", source.directory + "/\(kind).csv").status, 0)
        }
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        for kind in ["organisations", "needs", "activities"] {
            let first = try q.run("import", "hxl", kind, source.directory + "/\(kind).csv")
            XCTAssertEqual(first.status, 0, first.stderr)
            let again = try q.run("import", "hxl", kind, source.directory + "/\(kind).csv")
            XCTAssertEqual(again.status, 0, again.stderr)
            XCTAssertTrue(again.stdout.hasPrefix("0 applied"), "\(kind) a second time: \(again.stdout)")
        }
        XCTAssertEqual(
            try q.run("report", "coverage", "--csv").stdout, try source.run("report", "coverage", "--csv").stdout,
            "the same coverage on both stores")

        // A changed row changes only what differs; a bad row is named by its line; the rest applies.
        let text = try String(contentsOfFile: source.directory + "/activities.csv", encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        lines[2] = lines[2].replacingOccurrences(of: ",ongoing,", with: ",finished,")
        lines.append(
            lines[2].replacingOccurrences(of: "wash", with: "housing").replacingOccurrences(
                of: lines[2].prefix(36), with: "01a2380c-8c0b-7518-aaf0-16e8b3b82995"))
        lines.append("not-an-id,UNICEF")
        try (lines.joined(separator: "\r\n") + "\r\n").write(
            toFile: q.directory + "/changed.csv", atomically: false, encoding: .utf8)
        let changed = try q.run("import", "hxl", "activities", q.directory + "/changed.csv")
        XCTAssertEqual(changed.status, 2)
        XCTAssertTrue(changed.stdout.hasPrefix("1 applied, 0 already present, 2 refused"), changed.stdout)
        XCTAssertTrue(changed.stderr.contains("line 4: sector: 'housing' is not one of"), changed.stderr)
        XCTAssertTrue(changed.stderr.contains("line 5: #activity+code: 'not-an-id' is not a UUID"), changed.stderr)
        XCTAssertTrue(try q.run("activity", "list", "--json").stdout.contains(#""status":"finished""#))

        // A need of a whole district (no municipality), reported weeks ago elsewhere: its age counts.
        try """
        District,District P-code,Need ID,Sector,What,Qty,Unit,Status,By,Reported
        #adm1+name,#adm1+code,#meta+id,#sector,#item+name,#item+needed+num,#item+unit,#status,#org+code,#date+reported
        Derna,\(Gazetteer.libya.area(id: "district.derna")?.code ?? ""),01a2380c-0000-7000-8000-000000000abc,shelter,Tents,40,tents,verified,LRC,2026-01-05
        """.write(toFile: q.directory + "/district.csv", atomically: false, encoding: .utf8)
        let district = try q.run("import", "hxl", "needs", q.directory + "/district.csv")
        XCTAssertEqual(district.status, 0, district.stderr)
        XCTAssertTrue(try q.run("need", "list", "--json").stdout.contains(#""area":"district.derna""#))
        XCTAssertTrue(try q.run("need", "list", "--json").stdout.contains(#""reportedOn":"2026-01-05""#))
        let rows = try q.run("report", "coverage", "--csv").lines
        XCTAssertTrue(
            rows.contains("Derna,\(Gazetteer.libya.area(id: "district.derna")?.code ?? ""),,,shelter,40,0,,gap"),
            rows.joined(separator: "\n"))
        let exported = try q.run("export", "hxl", "needs").stdout
        XCTAssertTrue(
            exported.contains(",Derna,LY0101,,,shelter,Tents,40,tents,"),
            "a district's need leaves #adm2 empty:\n\(exported)")

        let operatorStore = try MemberRoleTests.store(as: "operator", for: "LRC")
        let refused = try operatorStore.run("import", "hxl", "organisations", source.directory + "/organisations.csv")
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(
            refused.stderr.contains("importing a file that speaks for many organisations needs the supervisor role"),
            refused.stderr)
    }

    /// A partner's 3W and needs have no ids of ours: a row is known by its key fields, so the same
    /// sheet imported again applies nothing and a later sheet changing only the other fields updates
    /// the same record. A row with no organisation code is refused by line, naming the column.
    func testAPartnersSheetWithoutIdsIsMatchedByItsKeyFields() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let sheet = """
            Organisation,Sector,Activity,Municipality,Start,End,Status,Reached
            #org+code,#sector,#activity+name,#adm2+name,#date+start,#date+end,#status,#reached
            UNICEF,wash,Water trucking,Derna,2026-12-01,2026-12-31,ongoing,100
            LRC,shelter,Tent distribution,Benghazi,2026-12-02,2026-12-10,planned,
            ,food,Food parcels,Sabha,2026-12-03,2026-12-20,planned,
            """
        try sheet.write(toFile: q.directory + "/3w.csv", atomically: false, encoding: .utf8)
        let first = try q.run("import", "hxl", "activities", q.directory + "/3w.csv")
        XCTAssertEqual(first.status, 2, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("2 applied"), first.stdout)
        XCTAssertTrue(
            first.stderr.contains("line 5: #org+code"),
            "the row without an organisation, by line and column: \(first.stderr)")
        let again = try q.run("import", "hxl", "activities", q.directory + "/3w.csv")
        XCTAssertTrue(again.stdout.hasPrefix("0 applied"), "the same sheet again: \(again.stdout)")

        let later = sheet.replacingOccurrences(of: "ongoing,100", with: "ongoing,450").replacingOccurrences(
            of: "2026-12-10,planned", with: "2026-12-12,ongoing")
        try later.write(toFile: q.directory + "/3w-later.csv", atomically: false, encoding: .utf8)
        let updated = try q.run("import", "hxl", "activities", q.directory + "/3w-later.csv")
        XCTAssertTrue(updated.stdout.hasPrefix("2 applied"), updated.stdout)
        let listed = try q.run("activity", "list", "--json").lines
        XCTAssertEqual(listed.count, 2, "the same two records, updated: \(listed)")
        XCTAssertTrue(
            listed.contains { $0.contains(#""reached":450"#) }
                && listed.contains { $0.contains(#""end":"2026-12-12""#) }, listed.joined(separator: "\n"))

        let needs = """
            Organisation,Sector,What,Municipality,Quantity,Unit
            #org+code,#sector,#item+name,#adm2+name,#item+needed+num,#item+unit
            LRC,shelter,Family tents,Derna,300,tents
            """
        try needs.write(toFile: q.directory + "/needs.csv", atomically: false, encoding: .utf8)
        XCTAssertTrue(try q.run("import", "hxl", "needs", q.directory + "/needs.csv").stdout.hasPrefix("1 applied"))
        try needs.replacingOccurrences(of: "300", with: "250").write(
            toFile: q.directory + "/needs.csv", atomically: false, encoding: .utf8)
        XCTAssertTrue(try q.run("import", "hxl", "needs", q.directory + "/needs.csv").stdout.hasPrefix("1 applied"))
        let need = try q.run("need", "list", "--json").lines
        XCTAssertEqual(need.count, 1)
        XCTAssertTrue(need[0].contains(#""quantity":250"#), need[0])

        // Names that differ in more than case and spacing are other records (`Phase 1.5` is not `Phase 15`).
        try """
        Organisation,Sector,Activity,Municipality,Start,End,Status
        #org+code,#sector,#activity+name,#adm2+name,#date+start,#date+end,#status
        WFP,food,Phase 1.5 distribution,Derna,2026-12-01,2026-12-10,planned
        WFP,food,Phase 15 distribution,Derna,2026-12-01,2026-12-20,ongoing
        WFP,food,PHASE  1.5   Distribution,Derna,2026-12-01,2026-12-10,planned
        """.write(toFile: q.directory + "/phases.csv", atomically: false, encoding: .utf8)
        XCTAssertTrue(
            try q.run("import", "hxl", "activities", q.directory + "/phases.csv").stdout.hasPrefix(
                "2 applied, 1 already present"))
    }

    /// An export shown on a terminal cannot drive it: what the records hold is made visible.
    func testAnExportOnATerminalShowsEscapesAsPlaceholders() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        XCTAssertEqual(
            try q.run(
                "activity", "add", "--org", "WFP", "--sector", "food", "--area", "Derna", "--what",
                "esc \u{1B}]0;PWNED\u{07} title",
                "--start", "2026-12-01", "--end", "2026-12-20"
            ).status, 0)
        let pipe = try q.run("export", "hxl", "activities").stdout
        XCTAssertTrue(pipe.contains("\u{1B}]0;PWNED"), "into a pipe, as it is")
        let shell = try q.shell(
            "script -qec '\(QanatProcess.binary) export hxl activities' /dev/null > \(q.directory)/tty.out")
        shell.waitUntilExit()
        let shown = try String(contentsOfFile: q.directory + "/tty.out", encoding: .utf8)
        XCTAssertTrue(shown.contains("␛]0;PWNED") && !shown.contains("\u{1B}]0;PWNED"), shown)
    }
}
