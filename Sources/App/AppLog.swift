import ArgumentParser
import Foundation
import Logging
import QanatChannel

/// swift-log to each user's own file, `$XDG_DATA_HOME/qanat/qanat.log` (`~/.local/share/qanat/`),
/// written from the first run: never to a terminal someone is looking at, and never to a file
/// other members share. `QANAT_LOG` names another file; an empty value turns logging off.
enum AppLog {
    nonisolated(unsafe) static var logger = Logger(label: "qanat", factory: { _ in SwiftLogNoOpLogHandler() })

    static func start(command: ParsableCommand) {
        let env = ProcessInfo.processInfo.environment
        let path = env["QANAT_LOG"] ?? StoreOptions.dataDirectory + "/qanat.log"
        guard !path.isEmpty else { return }
        if env["QANAT_LOG"] == nil {
            // The user's own data directory, made (0700) on the first run.
            try? FileManager.default.createDirectory(
                atPath: StoreOptions.dataDirectory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
        guard let handler = FileLogHandler(path: path) else { return }
        logger = Logger(label: "qanat", factory: { _ in handler })
        logger.info(
            "start \(type(of: command).configuration.commandName ?? "\(type(of: command))")",
            metadata: ["pid": "\(getpid())"])
    }

    static func failure(_ error: CLIError) {
        logger.error("\(error.description)", metadata: ["exit": "\(error.exitCode)"])
    }
}

struct FileLogHandler: LogHandler {
    private let handle: FileHandle
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init?(path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory) || directory.isEmpty else { return nil }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { return nil }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(Clock.now().rfc3339) \(event.level) \(event.message) \(fields)\n"
        handle.write(Data(line.utf8))
    }
}
