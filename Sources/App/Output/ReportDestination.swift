import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatUI

/// Where a report goes: the terminal, or with `--out FILE` a file whose writing is recorded in
/// the journal (`report.written`: kind, parameters, SHA-256 of the bytes) so that an archived
/// copy can be proved unchanged later with `qanat report verify FILE`. Printing records nothing.
struct ReportDestination: ParsableArguments {
    @Option(
        help: "Write to this file and record it in the journal with its SHA-256 (operator role); without it, print.")
    var out: String?

    /// Prints `lines`, or writes them to `--out` and records the report. The member's role is
    /// checked before the file is touched: a refused report writes nothing anywhere.
    func deliver(
        _ lines: [String], kind: ReportKind, parameters: [String], store: StoreOptions, officer: String,
        agency: String? = nil
    ) throws {
        var text = lines.map(terminalSafe)
        // From an exercise store every report says so, in both languages (CSV, read by programs, keeps its columns).
        let marked =
            text.first.map {
                $0.contains(UIText.exercise.translations.en) || $0.contains(UIText.exercise.translations.ar)
            } ?? false
        if !parameters.contains("--csv"), !marked, (try? store.readingStore().isExercise()) == true {
            let label = UIText.exercise.translations
            text = ["\(label.en) — \(label.ar)", ""] + text
        }
        guard let out else {
            for line in text { print(line) }
            return
        }
        try Self.write(
            to: out, kind: kind, parameters: parameters, store: store, officer: officer, agency: agency,
            rendering: { try $0.append(Array((text.joined(separator: "\n") + "\n").utf8)) })
    }

    /// Writes the report `kind` to `out` and records it: rendered into the file by `rendering` here,
    /// or on a service store by the service, from the store itself.
    static func write(
        to out: String, kind: ReportKind, parameters: [String], store: StoreOptions, officer: String,
        agency: String? = nil, rendering: (OutputFile.Writer) throws -> Void
    ) throws {
        let path = try Self.checkedPath(out)
        let recorder = try EventRecorder(options: store, officerName: officer)
        if let client = recorder.session.serviceClient {
            return try attested(
                ReportRequest(
                    kind: kind, parameters: parameters, officer: officer, agency: recorder.agency(agency), file: path),
                by: client)
        }
        let file = try OutputFile.Writer(path)
        try rendering(file)
        let write: Actions.Write
        do {
            write = try recorder.actions.reportWritten(
                kind: kind, parameters: parameters, file: path, content: file.content,
                actingAgency: recorder.agency(agency))
        } catch { throw CLIError.fromDomain(error) }
        let event = try recorder.event(write)
        try file.commit()
        try recorder.record(event)
        if case .reportWritten(let record) = event.payload { print("\(terminalSafe(path)) sha256 \(record.sha256)") }
    }
}

extension ReportDestination {
    /// On a service store the service renders the report from the store and records it; the bytes
    /// it returns are what the file holds, so `report verify` proves them Qanat's own.
    private static func attested(_ request: ReportRequest, by client: ServiceClient) throws {
        let file = try OutputFile.Writer(request.file)
        let content: ReportContent
        do { content = try client.report(request) { bytes in try file.append(bytes) } } catch let error as ChannelError
        {
            throw CLIError.from(error)
        }
        try file.commit()
        print("\(terminalSafe(request.file)) sha256 \(content.sha256)")
    }

    /// The file's absolute path, once it is one a report can be written to: not empty, not a
    /// directory, in a directory that exists.
    static func checkedPath(_ out: String) throws(CLIError) -> String {
        guard !out.trimmingSpaces().isEmpty else { throw .badData("--out: empty; give the report file's path") }
        let url = URL(fileURLWithPath: out).standardizedFileURL
        var directory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &directory), directory.boolValue {
            throw .badData("--out \(terminalSafe(out)): is a directory; give the report file's path")
        }
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &directory), directory.boolValue else {
            throw .badData("--out \(terminalSafe(out)): no directory \(terminalSafe(parent)); nothing was written")
        }
        return url.path
    }
}

/// A report's options as given, for its record: `["--lang", "ar", "--markdown"]`.
enum ReportParameters {
    static func option(_ name: String, _ value: String?) -> [String] { value.map { [name, $0] } ?? [] }
    static func flag(_ name: String, _ set: Bool) -> [String] { set ? [name] : [] }
}
