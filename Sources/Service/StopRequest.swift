import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT or SIGTERM asks a loop to finish the batch in hand and stop. `descriptor` becomes
/// readable when one comes, so a loop asleep in `poll` wakes at once instead of polling a flag.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []
    private let pipe: (read: Int32, write: Int32)

    public init() {
        var ends: [Int32] = [-1, -1]
        if Glibc.pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
        } else {
            ends = [-1, -1]
        }
        pipe = (ends[0], ends[1])
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            sources.append(source)
        }
    }

    /// Readable once a stop was asked; -1 where no pipe could be made (then the flag alone says).
    public var descriptor: Int32 { pipe.read }

    public func set() {
        lock.lock()
        flag = true
        lock.unlock()
        var byte: UInt8 = 1
        _ = Glibc.write(pipe.write, &byte, 1)
    }

    public var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}
