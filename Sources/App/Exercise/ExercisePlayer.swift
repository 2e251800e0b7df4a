import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatUI

/// Plays an exercise's injects on time, in the foreground: each as a message from its agency,
/// recorded as played. It follows the store, so the controller's pause, resume, skip, added
/// injects and stop from any desk or command take effect here; a message carrying the stop
/// phrase ends play at once (a real emergency). Ctrl-C ends play too, recorded as interrupted.
struct ExercisePlayer {
    let recorder: EventRecorder
    let store: any StoreReader
    let agency: String
    /// How often the store is looked at between injects.
    var poll: TimeInterval = 0.2

    /// Plays until the end, a stop or Ctrl-C; returns why play ended.
    func run(say: (String) -> Void) throws -> ExerciseControl.Reason {
        var lastStatus: ExerciseRun.Status?
        // Messages are looked through once each for the stop phrase, from where the last look ended.
        var lookedFrom: Timestamp?
        var looked: Set<EventID> = []
        while true {
            guard let run = try read({ () throws(StoreError) in try store.exerciseRun() }) else {
                throw CLIError.badData("\(store.path): no exercise was started on this store")
            }
            if run.status != lastStatus {
                if let lastStatus, run.status != .running || lastStatus == .paused { say(Self.describe(run.status)) }
                lastStatus = run.status
            }
            if case .stopped(let reason) = run.status { return reason }
            if Interrupt.take() {
                try control(.stopped, reason: .interrupted)
                continue
            }
            if let phrase = run.start.stopPhrase {
                let fresh = try read { () throws(StoreError) in
                    try store.messageTexts(since: lookedFrom ?? run.startedAt, limit: 10_000)
                }
                .filter { !looked.contains($0.id) }
                if let found = fresh.first(where: { run.start.stops($0.text) }) {
                    say(terminalSafe("STOP PHRASE '\(phrase)' in message \(found.id): play ends on every desk"))
                    try control(.stopped, message: found.id, reason: .stopPhrase)
                    continue
                }
                // Equal times come back once more; the ids already looked at are skipped.
                if let last = fresh.last?.at {
                    looked = Set(fresh.filter { $0.at == last }.map(\.id))
                    lookedFrom = last
                }
            }
            let now = Clock.now()
            for inject in run.due(at: now) {
                let posted = try recorder.record { actions in try actions.injectMessage(inject) }
                try control(.played, inject: inject.number, message: posted.id)
                say(Self.line(inject, elapsed: run.elapsed(at: now)))
            }
            if run.status == .running, run.due(at: now).isEmpty, run.isOver(at: now) {
                try control(.stopped, reason: .ended)
                continue
            }
            let wake =
                run.next.map { run.playTime(of: $0, now: now) }
                ?? now.adding(
                    milliseconds: Int64(
                        max(0, Double(run.length) - run.elapsed(at: now)) / Double(run.start.speed) * 1000))
            let seconds = Double(wake.millisecondsSinceEpoch - now.millisecondsSinceEpoch) / 1000
            Thread.sleep(forTimeInterval: max(0.01, min(poll, seconds)))
        }
    }

    private func control(
        _ action: ExerciseControl.Action, inject: Int? = nil, message: EventID? = nil,
        reason: ExerciseControl.Reason? = nil
    ) throws {
        try recorder.record { actions in
            try actions.controlExercise(action, inject: inject, message: message, reason: reason, actingAgency: agency)
        }
    }

    private func read<T>(_ body: () throws(StoreError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw CLIError.from(error) }
    }

    /// `[+00:02:00] inject 2 NCEMC → CD, LRC (flash, expects CD to acknowledge within 3m): text`
    static func line(_ inject: ExerciseInject, elapsed: Double) -> String {
        let s = Int(elapsed)
        let clock = String(format: "+%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        var expectation = ""
        if let expect = inject.expect, let by = inject.by {
            expectation =
                ", expects \(by) to \(expect.translations.en)"
                + (inject.within.map { " within \(IncidentTimers.compact(seconds: Int64($0)))" } ?? "")
        }
        return terminalSafe(
            "[\(clock)] inject \(inject.number) \(inject.from) → \(inject.to.codes.joined(separator: ", ")) (\(inject.priority.rawValue)\(expectation)): \(inject.text)"
        )
    }

    static func describe(_ status: ExerciseRun.Status) -> String {
        switch status {
        case .running: "play resumed"
        case .paused: "play paused by the controller"
        case .stopped(let reason): "play stopped: \(reason.translations.en)"
        }
    }
}
