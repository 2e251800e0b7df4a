/// How each inject of an exercise was answered: who did what was expected, how long it took
/// against the time allowed, and what was missed.
public struct InjectOutcome: Equatable, Sendable {
    public enum Verdict: String, Sendable, CaseIterable {
        /// The expected agency acted within the time allowed.
        case met
        /// It acted, later than allowed.
        case late
        /// It never acted while play ran.
        case missed
        /// Play stopped before its time was up, and the agency had not acted yet: not judged.
        case cutShort
        /// Played, and nothing was expected of anyone.
        case noExpectation
        /// The controller skipped it.
        case skipped
        /// Play stopped before its time.
        case notPlayed
    }

    /// Someone who did what the inject expects, after it: the first such action of each agency.
    public struct Response: Equatable, Sendable {
        public var agency: AgencyCode
        public var officer: String
        public var at: Timestamp
        /// Seconds of scenario time after the inject.
        public var seconds: Int
    }

    public var inject: ExerciseInject
    public var playedAt: Timestamp?
    public var responses: [Response]
    public var verdict: Verdict

    /// The expected agency's response, if it gave one.
    public var expected: Response? { responses.first { $0.agency == inject.by } }
}

public enum ExerciseEvaluation {
    /// Each inject in playing order, judged against the events that followed it until play stopped.
    public static func outcomes(_ run: ExerciseRun, events: [Event]) -> [InjectOutcome] {
        let end = run.stopped?.at
        let injectMessages = Set(run.played.values.compactMap(\.message))
        let during = events.filter { end == nil || $0.at <= end! }.sorted(by: Event.precedes)
        return run.playingOrder.map { inject in
            guard let played = run.played[inject.number] else {
                return InjectOutcome(
                    inject: inject, playedAt: nil, responses: [],
                    verdict: run.skipped.contains(inject.number) ? .skipped : .notPlayed)
            }
            guard let expect = inject.expect else {
                return InjectOutcome(inject: inject, playedAt: played.at, responses: [], verdict: .noExpectation)
            }
            var responses: [InjectOutcome.Response] = []
            for event in during where event.at >= played.at && !responses.contains(where: { $0.agency == event.agency })
            {
                guard answers(event, expect, inject: inject, message: played.message, injectMessages: injectMessages)
                else { continue }
                // Scenario time, as the time allowed is: at its speed, the pauses left out.
                let seconds = Int((run.elapsed(at: event.at) - run.elapsed(at: played.at)).rounded())
                responses.append(.init(agency: event.agency, officer: event.officer, at: event.at, seconds: seconds))
            }
            let verdict: InjectOutcome.Verdict
            if let mine = responses.first(where: { $0.agency == inject.by }) {
                verdict = inject.within.map { mine.seconds <= $0 } ?? true ? .met : .late
            } else if let within = inject.within, let stop = run.stopped,
                run.elapsed(at: stop.at) - run.elapsed(at: played.at) < Double(within)
            {
                verdict = .cutShort
            } else {
                verdict = .missed
            }
            return InjectOutcome(inject: inject, playedAt: played.at, responses: responses, verdict: verdict)
        }
    }

    /// Whether `event` is the kind of action the inject expects.
    static func answers(
        _ event: Event, _ expect: ExpectedAction, inject: ExerciseInject, message: EventID?,
        injectMessages: Set<EventID>
    ) -> Bool {
        switch (expect, event.payload) {
        case (.acknowledge, .messageAcknowledged(let ack)): return ack.message == message
        case (.assign, .assignment(.tasked, let link)): return inject.incident.map { $0 == link.incident } ?? true
        case (.open, .incidentOpened): return true
        case (.status, .incidentStatusChanged(let change)):
            return inject.incident.map { $0 == change.reference } ?? true
        case (.post, .messagePosted): return !injectMessages.contains(event.id)
        default: return false
        }
    }
}
