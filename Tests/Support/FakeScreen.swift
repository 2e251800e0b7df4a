import Foundation
import QanatUI

/// A screen for the desk's and the wall's loops inside a test process: keys go in, frames come
/// out. It sleeps as the terminal does, in poll(2) on the loop's descriptors (the store's change
/// notifications) and on a pipe that a pressed key writes to.
public final class FakeScreen: Screen, @unchecked Sendable {
    public let size: (width: Int, height: Int)
    private let lock = NSLock()
    private var keys: [KeyPress] = []
    private var last: Frame?
    public private(set) var draws = 0
    public private(set) var waits = 0
    private let wakeRead: Int32
    private let wakeWrite: Int32

    public init(width: Int, height: Int) {
        size = (width, height)
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        _ = fcntl(wakeRead, F_SETFL, O_NONBLOCK)
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    public func draw(_ frame: Frame) {
        lock.withLock {
            last = frame
            draws += 1
        }
    }

    public func bell() {}

    public func readKey(timeoutMilliseconds: Int32, wakingOn descriptors: [Int32]) -> KeyPress? {
        if let key = nextKey() { return key }
        lock.withLock { waits += 1 }
        var watched = ([wakeRead] + descriptors).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&watched, nfds_t(watched.count), timeoutMilliseconds)
        var byte: UInt8 = 0
        while read(wakeRead, &byte, 1) == 1 {}
        return nextKey()
    }

    private func nextKey() -> KeyPress? {
        lock.withLock { keys.isEmpty ? nil : keys.removeFirst() }
    }

    public func press(_ pressed: KeyPress...) {
        lock.withLock { keys += pressed }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    public var screen: String { lock.withLock { last?.lines.joined(separator: "\n") ?? "" } }
    public var counts: (draws: Int, waits: Int) { lock.withLock { (draws, waits) } }

    /// The screen once `predicate` holds, or nil after `timeout` seconds.
    public func waitFor(timeout: Double = 3, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let shown = screen
            if predicate(shown) { return shown }
            usleep(2000)
        }
        return nil
    }
}
