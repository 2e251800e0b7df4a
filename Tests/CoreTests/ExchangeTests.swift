import XCTest

@testable import QanatCore

/// CSV as RFC 4180 reads it, and HXL columns found by their hashtags whatever their order.
final class ExchangeTests: XCTestCase {
    func testCSVQuotesWhatNeedsItAndReadsItBack() throws {
        let fields = ["plain", "a, comma", "a \"quote\"", "two\nlines", "سطر عربي", ""]
        let text = CSVText.line(fields) + "\r\n" + CSVText.line(["x"]) + "\n"
        let records = try CSVText.records(text)
        XCTAssertEqual(records.map(\.fields), [fields, ["x"]])
        XCTAssertEqual(records.map(\.line), [1, 3], "a record's line counts the line breaks inside quotes")
        XCTAssertThrowsError(try CSVText.records("a,b\n\"open,c\nd")) {
            XCTAssertEqual($0 as? CSVError, CSVError(line: 2, problem: "a quoted field is not closed"))
        }
        XCTAssertEqual(try CSVText.records("\n\na,b\n\n").map(\.fields), [["a", "b"]], "blank lines are no rows")
    }

    /// A cell a spreadsheet would run is written as text; numbers stay numbers; an import gives back the text.
    func testCellsThatWouldRunAsFormulasAreWrittenAsTextAndReadBack() throws {
        XCTAssertEqual(CSVText.field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
        XCTAssertEqual(
            CSVText.line(["+1 call", "-cmd", "@SUM(A1)", "\tx", "-5", "+3.5", "1e3", "plain", "'quoted"]),
            "'+1 call,'-cmd,'@SUM(A1),'\tx,-5,+3.5,1e3,plain,'quoted")
        for text in ["=1+1", "-", "'=x", "''=x", "'plain", "-5", "=", "@", "plain"] {
            let written = try CSVText.records(CSVText.line([text]))[0].fields[0]
            XCTAssertEqual(CSVText.unneutralised(written), text, "round trip of \(text)")
        }
    }

    func testColumnsAreFoundByHashtagInAnyOrderAndTheMostSpecificWins() throws {
        let records = try CSVText.records(
            """
            Some title above
            Impl,Org,Where,What
            #org +Code+impl,#ORG+code,#adm2+code,#activity+name
            LRC,UNICEF,LY010102,Water
            """)
        let table = try HXLTable(kind: .activities, records: records)
        XCTAssertEqual(table.hashtagLine, 3)
        XCTAssertEqual(
            table.values(records[3].fields),
            ["implementer": "LRC", "org": "UNICEF", "areaCode": "LY010102", "what": "Water"])
        XCTAssertThrowsError(try HXLTable(kind: .needs, records: try CSVText.records("a,b\n1,2\n"))) {
            XCTAssertTrue("\($0)".contains("no hashtag row"))
        }
        XCTAssertNil(HXLHashtag("#org+bad-attr"))
        XCTAssertEqual(HXLHashtag(" #Org + Impl ")?.attributes, ["impl"])
    }

    func testAnExportRowCarriesPCodesAndEnglishNames() throws {
        let need = Need(
            report: NeedReport(
                id: try RecordID("0192f3c4-0000-7000-8000-0000000000a1"), area: "derna", sector: .wash,
                what: "Water, drinking", quantity: 20, unit: "m3", organisation: try AgencyCode("LRC")),
            reportedAt: Timestamp(millisecondsSinceEpoch: 1_796_000_000_000))
        let row = Dictionary(
            uniqueKeysWithValues: zip(HXLKind.needs.columns.map(\.key), HXLRows.need(need, covered: 5)))
        XCTAssertEqual(row["district"], "Derna")
        XCTAssertEqual(row["districtCode"], Gazetteer.libya.area(id: "district.derna")?.code)
        XCTAssertEqual(row["areaCode"], Gazetteer.libya.area(id: "derna")?.code)
        XCTAssertEqual(row["covered"], "5")
        XCTAssertEqual(Gazetteer.libya.area(code: row["areaCode"] ?? "")?.id, "derna")
    }
}
