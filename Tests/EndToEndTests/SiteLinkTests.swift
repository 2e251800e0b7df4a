import Foundation
import QanatFixtures
import QanatStore
import XCTest

/// Three sites, each in a network namespace of its own, joined to the hub by a veth pair: a link
/// cut without a word (no reset, no error: packets simply stop), and a link as slow as a field
/// team's satellite terminal.
extension SiteRelayTests {
    /// Three links, and the hub listening on each with a certificate made out to its addresses.
    func sitesOnLinks() throws -> [SiteLink] {
        guard SiteLink.available else { throw XCTSkip("network namespaces need root, ip and tc") }
        let links = try (1...3).map { try SiteLink($0) }
        hub.stop()
        let addresses = links.map(\.hubAddress)
        hub = try PostgresServer(
            listen: ["127.0.0.1"] + addresses, certificateNames: ["localhost", "127.0.0.1"] + addresses)
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        return links
    }

    func testThreeSitesWorkThroughALinkCutWithoutAWordAndConverge() throws {
        let links = try sitesOnLinks()
        defer { for link in links { link.remove() } }
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC", link: links[0])
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD", link: links[1])
        let sabha = try site("SBH", hosting: ["LRA"], officer: "LRA", link: links[2])
        let sites = [tripoli, benghazi, sabha]
        let fromTripoli = try post("Tripoli on the air", at: tripoli, askingAcknowledgement: true)
        let fromBenghazi = try post("Benghazi on the air", at: benghazi, askingAcknowledgement: true)
        XCTAssertTrue(waitFor(20) { Set(sites.map(self.events)) == [8] }, "\(sites.map(events))")

        // Benghazi's link goes down: no reset reaches either end. Every site goes on writing.
        try links[1].cut()
        let incident = try act(
            [
                "incident", "open", "--wait", "5", "--title", "Wadi overflowing", "--type", "flood.flashFlood",
                "--severity", "severe", "--area", "Benghazi", "--agency", "CD",
            ], at: benghazi)
        let reference = try XCTUnwrap(incident.split(separator: " ").first { $0.hasPrefix("INC-") })
        try act(["unit", "add", "CD-BGZ-07", "--agency", "CD", "--kind", "waterRescue"], at: benghazi)
        try act(["assign", String(reference), "CD-BGZ-07", "--agency", "CD"], at: benghazi)
        try act(["ack", fromTripoli, "--agency", "CD"], at: benghazi)
        try post("Benghazi through the cut", at: benghazi)
        try act(["ack", fromBenghazi, "--agency", "LRC"], at: tripoli)
        try post("Tripoli during the cut", at: tripoli)
        try act(["ack", fromBenghazi, "--agency", "LRA"], at: sabha)
        try post("Sabha during the cut", at: sabha)

        // The relay finds the link dead by its deadline, not by an error, and says what waits.
        XCTAssertTrue(
            waitFor(40) {
                let status = (try? self.qanat(["hub", "status"], at: benghazi).stdout) ?? ""
                return status.contains("unreachable") && status.contains("waiting: 5")
            }, (try? qanat(["hub", "status"], at: benghazi).stdout) ?? "")
        XCTAssertTrue(waitFor(20) { self.events(tripoli) == 12 && self.events(sabha) == 12 }, "\(sites.map(events))")
        XCTAssertEqual(events(benghazi), 13, "its own five, and nothing from the others")

        XCTAssertTrue(log(benghazi).contains("no answer within"), "the cut found by silence:\n\(log(benghazi))")
        try links[1].restore()
        XCTAssertTrue(waitFor(60) { Set(sites.map(self.events)) == [17] }, "\(sites.map(events))\n\(log(benghazi))")
        let digests = try sites.map(digest)
        XCTAssertEqual(Set(digests).count, 1, "\(digests)")
        XCTAssertEqual(try hub.sql("SELECT count(*) FROM qanat.events", database: "hub"), "17", "each once at the hub")
        let assigned = try qanat(["list", "units"], at: tripoli)
        XCTAssertTrue(assigned.stdout.contains("CD-BGZ-07"), assigned.stdout)
    }

    /// A field team on a 9.6 kbit/s satellite terminal, back from a cut with posts of the longest
    /// kind waiting (each 16 kB: 14 s of the link, 28 s together, longer than a silence that means a
    /// cut): the relay carries them in round trips the link
    /// can finish, never taking the slow link for a cut, and both sides level.
    func testASiteOnASatellitePhoneCatchesUpWithoutBeingTakenForCut() throws {
        let links = try sitesOnLinks()
        defer { for link in links { link.remove() } }
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC", link: links[0])
        let team = try site("SBH", hosting: ["LRA"], officer: "LRA", link: links[2])
        XCTAssertTrue(waitFor(20) { self.events(tripoli) == 4 && self.events(team) == 4 })
        try links[2].cut()
        let longest = String(repeating: "تقرير ميداني عن الفيضان ", count: 334).prefix(8000)
        for n in 1...2 { try post("\(n) \(longest)".prefix(8000).description, at: team) }
        try post("Tripoli meanwhile", at: tripoli)
        try links[2].limit(rate: "9600bit")
        try links[2].restore()
        let started = Date()
        XCTAssertTrue(waitFor(120) { self.events(tripoli) == 7 && self.events(team) == 7 }, log(team))
        print("a 9.6 kbit/s site levelled \(try links[2].bytes()) bytes in \(Int(Date().timeIntervalSince(started))) s")
        XCTAssertEqual(try digest(tripoli), try digest(team))
        XCTAssertFalse(log(team).contains("no answer within"), "a slow link is not a cut:\n\(log(team))")
    }
}
