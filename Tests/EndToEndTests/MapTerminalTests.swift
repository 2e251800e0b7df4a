import Foundation
import QanatCore
import QanatTestSupport
import QanatText
import XCTest

/// The map in a real terminal (tmux): another process's incident appears on the open map without
/// a key, the cursor and zoom work from the keyboard, Enter lists and Esc comes back, in both
/// languages.
final class MapTerminalTests: XCTestCase {
    func testAnIncidentOpenedElsewhereAppearsOnTheOpenMap() throws {
        let q = try QanatProcess()
        _ = try DeskHarness.seed(q)
        let desk = try DeskHarness.startDesk(q, width: 80, height: 24)
        try desk.waitFor { $0.contains("F2 Incidents") }
        try desk.send("F8")
        var screen = try desk.waitFor { $0.contains("Map · Libya") && $0.contains("◆1") }
        XCTAssertTrue(screen.contains("Derna District"), "where it is worst, Derna, is selected: \(screen)")
        XCTAssertFalse(screen.contains("▲1"), screen)

        let opened = try q.run(
            "incident", "open", "--type", "flood.flashFlood", "--severity", "severe", "--area", "Sabha",
            "--title", "Flooding in Sabha", "--agency", "NCEMC")
        XCTAssertEqual(opened.status, 0)
        screen = try desk.waitFor(2) { $0.contains("▲1") }
        XCTAssertTrue(screen.contains("▲1"), "Sabha's incident on the map without a key: \(screen)")

        // To Sabha by the arrows, the shortest way the cursor's rule gives.
        for key in try Self.arrows(from: "district.derna", to: "district.sabha") { try desk.send(key) }
        screen = try desk.waitFor { $0.contains("Sabha District") }
        screen = try desk.waitFor { $0.contains("severe 1") }
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Flooding in Sabha") && $0.contains("[filtered") }
        XCTAssertFalse(screen.contains("Wadi Derna"), "only Sabha's incidents: \(screen)")
        try desk.send("Escape")
        screen = try desk.waitFor { $0.contains("Map · Libya") }
        XCTAssertTrue(screen.contains("Sabha District"), "back on the map, where the officer was")

        // In Arabic the map stays as it was, its words in Arabic.
        try desk.send("L")
        let sabha = Bidi.visual("سبها")
        screen = try desk.waitFor { $0.contains(sabha) && $0.contains(Bidi.visual("الخريطة")) }
        try desk.send("+")
        screen = try desk.waitFor { $0.contains(Bidi.visual("البوانيس")) }
        try desk.send("q")
    }

    /// The arrow keys that take the map's cursor from one district to another, fewest first.
    static func arrows(from start: String, to goal: String) throws -> [String] {
        let districts = Gazetteer.libya.districts
        let keys: [(MapDirection, String)] = [(.north, "Up"), (.south, "Down"), (.east, "Right"), (.west, "Left")]
        var paths: [String: [String]] = [start: []]
        var frontier = [start]
        while !frontier.isEmpty, paths[goal] == nil {
            var next: [String] = []
            for id in frontier {
                guard let area = Gazetteer.libya.area(id: id) else { continue }
                for (direction, key) in keys {
                    guard let found = MapCursor.next(from: area, toward: direction, among: districts),
                        paths[found.id] == nil
                    else { continue }
                    paths[found.id] = (paths[id] ?? []) + [key]
                    next.append(found.id)
                }
            }
            frontier = next
        }
        return try XCTUnwrap(paths[goal], "\(goal) is reached from \(start)")
    }
}
