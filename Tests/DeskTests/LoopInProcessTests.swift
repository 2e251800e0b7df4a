import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatTestSupport
import QanatUI
import XCTest

/// The desk's and the wall's own loops, run in this process against a fake screen, with another
/// process writing to the real store in between.
final class LoopInProcessTests: XCTestCase {
    func testTheDeskShowsAnotherProcesssWriteAtOnceAndSleepsWhenNothingHappens() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let (screen, ended) = try startDesk(q)
        XCTAssertNotNil(screen.waitFor { $0.contains("No open incidents") }, screen.screen)
        screen.press(.character("?"))
        XCTAssertNotNil(screen.waitFor { $0.contains("this help") }, "a key in, its frame out:\n\(screen.screen)")
        screen.press(.escape, .function(4))
        XCTAssertNotNil(screen.waitFor { $0.contains("No messages") }, screen.screen)

        // Idle: the loop sleeps until its clock's next minute, not 20 times a second.
        let before = screen.counts
        Thread.sleep(forTimeInterval: 3)
        let idle = screen.counts
        XCTAssertLessThanOrEqual(idle.waits - before.waits, 2, "waits in 3 s of nothing")
        XCTAssertLessThanOrEqual(idle.draws - before.draws, 1, "frames in 3 s of nothing (a minute may turn)")

        // Another process writes; the kernel wakes the loop, which reads and draws it.
        let posted = try q.run(
            "post", "--from", "LRC", "--to", "MOI", "--priority", "flash", "--channel", "radio", "water over the bridge"
        )
        XCTAssertEqual(posted.status, 0, posted.stderr)
        // Woken by the kernel: the ten-second safety poll would come too late for this wait.
        XCTAssertNotNil(screen.waitFor(timeout: 2) { $0.contains("water over the bridge") }, screen.screen)

        screen.press(.character("q"))
        wait(for: [ended], timeout: 5)
    }

    /// `u` draws from the first page of what awaits us, then the loop reads the whole window
    /// while no key waits: the oldest owed message is there to scroll to.
    func testAFilterFirstDrawsAPageThenTheLoopReadsTheWholeWindow() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let store = try SQLiteStore(path: q.database)
        let owed = 2 * DeskLoader.firstPage(height: 30)
        try store.apply(
            (0..<owed).map { index in
                let at = Timestamp(millisecondsSinceEpoch: 1_796_000_000_000 + Int64(index) * 1000)
                return Event(
                    id: .make(at: at), at: at, agency: try! AgencyCode("LRC"), officer: "t", user: nil,
                    payload: .messagePosted(
                        MessagePosting(
                            recipients: .agencies([try! AgencyCode("MOI")]), priority: .routine,
                            channel: .radio, subject: nil, body: String(format: "owed %03d", index),
                            incident: nil, acknowledgementRequired: true)))
            })
        let (screen, ended) = try startDesk(q)
        screen.press(.function(4), .character("u"))
        XCTAssertNotNil(screen.waitFor { $0.contains(String(format: "owed %03d", owed - 1)) }, screen.screen)
        // No key waits now, so the loop reads the rest (a key pressed at once would come first).
        Thread.sleep(forTimeInterval: 0.5)
        screen.press(.character("g"))
        XCTAssertNotNil(screen.waitFor { $0.contains("owed 000") }, "the whole window was read:\n\(screen.screen)")
        screen.press(.character("q"))
        wait(for: [ended], timeout: 5)
    }

    /// MOI's desk loop at 120×30 on `q`'s store, on a thread of its own; `ended` is met when it returns.
    private func startDesk(_ q: QanatProcess) throws -> (FakeScreen, XCTestExpectation) {
        let screen = FakeScreen(width: 120, height: 30)
        let state = DeskState(
            width: 120, height: 30, language: .en, officer: "Test Officer", agency: try AgencyCode("MOI"),
            now: QanatChannel.Clock.now())
        let ended = expectation(description: "the desk's loop ended")
        Thread.detachNewThread {
            var loop = DeskLoop(
                storePath: q.database, journal: .file(q.journal), draftsDirectory: q.directory + "/drafts",
                screen: screen,
                state: state)
            loop.run()
            ended.fulfill()
        }
        return (screen, ended)
    }

    func testTheWallShowsAFlashWrittenElsewhereAndQuitsOnQ() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let screen = FakeScreen(width: 160, height: 48)
        let state = WallState(width: 160, height: 48, language: .ar, now: Clock.now(), rotationSeconds: 20)
        let ended = expectation(description: "the wall's loop ended")
        Thread.detachNewThread {
            var loop = WallLoop(path: q.database, screen: screen, state: state)
            loop.run()
            ended.fulfill()
        }
        XCTAssertNotNil(screen.waitFor { !$0.isEmpty }, "the wall draws")
        let posted = try q.run(
            "post", "--from", "NCEMC", "--to", "*", "--priority", "flash", "--channel", "radio", "evacuate the wadi")
        XCTAssertEqual(posted.status, 0, posted.stderr)
        XCTAssertNotNil(screen.waitFor(timeout: 2) { $0.contains("evacuate the wadi") }, screen.screen)
        screen.press(.character("x"))
        screen.press(.character("q"))
        wait(for: [ended], timeout: 5)
    }
}

/// A write wakes a loop as it begins; the loop keeps asking for a moment, so a commit that lands
/// just after the first look is not left until the next safety check.
final class StoreWakeTests: XCTestCase {
    func testAfterANotificationTheLoopAsksAgainForAMomentThenSleepsLong() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let watcher = try QanatStore.ChangeWatcher(path: q.database)
        var wake = StoreWake()
        _ = wake.shouldAsk(watcher, settled: true)
        let later = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000) + 60_000)
        XCTAssertFalse(wake.shouldAsk(watcher, settled: true), "nothing written")
        XCTAssertGreaterThan(wake.sleep(until: later, watcher), 1000)

        // The WAL is written (a commit begins): the kernel says so.
        let wal = try XCTUnwrap(
            FileHandle(forWritingAtPath: q.database + "-wal")
                ?? {
                    FileManager.default.createFile(atPath: q.database + "-wal", contents: nil)
                    return FileHandle(forWritingAtPath: q.database + "-wal")
                }())
        wal.seekToEndOfFile()
        wal.write(Data())
        try wal.synchronize()
        try wal.close()
        var ready = pollfd(fd: try XCTUnwrap(watcher.descriptor), events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&ready, 1, 1000), 1)
        XCTAssertTrue(wake.shouldAsk(watcher, settled: true))
        XCTAssertTrue(wake.shouldAsk(watcher, settled: true), "asked again, though no new notification came")
        XCTAssertLessThanOrEqual(wake.sleep(until: later, watcher), 20)
        Thread.sleep(forTimeInterval: StoreWake.settleInterval + 0.05)
        XCTAssertFalse(wake.shouldAsk(watcher, settled: true), "settled again")
        XCTAssertGreaterThan(wake.sleep(until: later, watcher), 1000)

        // Once the commit is seen, there is nothing left to wait for.
        let other = try XCTUnwrap(FileHandle(forWritingAtPath: q.database + "-wal"))
        try other.close()
        XCTAssertEqual(poll(&ready, 1, 1000), 1)
        XCTAssertTrue(wake.shouldAsk(watcher, settled: true))
        wake.sawChange()
        XCTAssertFalse(wake.shouldAsk(watcher, settled: true))
        XCTAssertGreaterThan(wake.sleep(until: later, watcher), 1000)
    }
}
