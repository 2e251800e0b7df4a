/// What an inject expects someone to do, which the exercise report looks for after it.
public enum ExpectedAction: String, NamedValue {
    /// The inject's message acknowledged.
    case acknowledge
    /// A unit of the agency tasked (to the inject's incident, if it names one).
    case assign
    /// An incident opened.
    case open
    /// The inject's incident (or any) moved to another status.
    case status
    /// A message posted.
    case post
}

/// One message of a scenario, played at its offset from the start of play.
public struct ExerciseInject: Equatable, Sendable {
    public var number: Int
    /// Seconds of scenario time after the start.
    public var offset: Int
    public var from: AgencyCode
    public var to: Recipients
    public var channel: MessageChannel
    public var priority: MessagePriority
    public var text: String
    public var incident: IncidentReference?
    public var expect: ExpectedAction?
    public var by: AgencyCode?
    /// Seconds the expected action has, from the inject.
    public var within: Int?

    public init(
        number: Int, offset: Int, from: AgencyCode, to: Recipients, channel: MessageChannel = .radio,
        priority: MessagePriority = .immediate,
        text: String, incident: IncidentReference? = nil, expect: ExpectedAction? = nil, by: AgencyCode? = nil,
        within: Int? = nil
    ) {
        self.number = number
        self.offset = offset
        self.from = from
        self.to = to
        self.channel = channel
        self.priority = priority
        self.text = text
        self.incident = incident
        self.expect = expect
        self.by = by
        self.within = within
    }

    /// Up to a week of scenario time; an expectation up to a day.
    public static let offsets = 0...604_800
    public static let withins = 1...86_400
}

/// `exercise.started`: play began on this exercise store.
public struct ExerciseStart: Equatable, Sendable {
    public var name: String
    public var nameArabic: String?
    /// Scenario seconds per second of play.
    public var speed: Int
    /// Posted in any message, it ends play on every desk: a real emergency.
    public var stopPhrase: String?
    public var injects: Int
    /// SHA-256 of the scenario file, as hex.
    public var scenario: String

    public init(
        name: String, nameArabic: String? = nil, speed: Int = 1, stopPhrase: String? = nil, injects: Int,
        scenario: String
    ) {
        self.name = name
        self.nameArabic = nameArabic
        self.speed = speed
        self.stopPhrase = stopPhrase
        self.injects = injects
        self.scenario = scenario
    }

    public static let speeds = 1...3600

    /// Whether `text` carries the stop phrase, as officers type it: any case, with or without
    /// harakat and tatweel, hamza forms folded (`ليس تمرينًا` is `ليس تمرينا`).
    public func stops(_ text: String) -> Bool { Self.carries(text, phrase: stopPhrase) }

    public static func carries(_ text: String, phrase: String?) -> Bool {
        guard let phrase else { return false }
        let wanted = SearchText.normalise(phrase).trimmingSpaces()
        return !wanted.isEmpty && SearchText.normalise(text).contains(wanted)
    }
}

/// `exercise.control`: what the player and the controller do to play.
public struct ExerciseControl: Equatable, Sendable {
    public enum Action: String, NamedValue {
        case played, paused, resumed, skipped, stopped
    }

    /// Why play stopped.
    public enum Reason: String, NamedValue {
        /// Every inject played (or skipped).
        case ended
        /// The controller stopped it.
        case controller
        /// A message carried the stop phrase: a real emergency.
        case stopPhrase
        /// The player was interrupted (Ctrl-C).
        case interrupted
    }

    public var action: Action
    public var inject: Int?
    /// The message an inject was played as.
    public var message: EventID?
    public var reason: Reason?

    public init(action: Action, inject: Int? = nil, message: EventID? = nil, reason: Reason? = nil) {
        self.action = action
        self.inject = inject
        self.message = message
        self.reason = reason
    }
}

/// An exercise as its events fold: the scenario's injects and the controller's, what was played,
/// skipped, paused, and whether and why play stopped. Any order of the same events, one run.
public struct ExerciseRun: Equatable, Sendable {
    public var start: ExerciseStart
    public var startedAt: Timestamp
    /// By number; a later definition of a number replaces an earlier one.
    public var injects: [Int: ExerciseInject] = [:]
    public var played: [Int: Played] = [:]
    public var skipped: Set<Int> = []
    /// Pauses in time order; the last may still be open.
    public var pauses: [Pause] = []
    public var stopped: Stop?

    public struct Played: Equatable, Sendable {
        public var at: Timestamp
        public var message: EventID?
    }

    public struct Pause: Equatable, Sendable {
        public var from: Timestamp
        public var to: Timestamp?
    }

    public struct Stop: Equatable, Sendable {
        public var at: Timestamp
        public var reason: ExerciseControl.Reason
        /// The message that carried the stop phrase.
        public var message: EventID?
    }

    public enum Status: Equatable, Sendable {
        case running, paused
        case stopped(ExerciseControl.Reason)
    }

    public var status: Status {
        if let stopped { return .stopped(stopped.reason) }
        return pauses.last.map { $0.to == nil } == true ? .paused : .running
    }

    /// Scenario seconds played by `now`: play time less the pauses, times the speed.
    public func elapsed(at now: Timestamp) -> Double {
        let end = stopped.map { min($0.at, now) } ?? now
        var paused: Int64 = 0
        for pause in pauses where pause.from < end {
            paused += min(pause.to ?? end, end).millisecondsSinceEpoch - pause.from.millisecondsSinceEpoch
        }
        let running = max(0, end.millisecondsSinceEpoch - startedAt.millisecondsSinceEpoch - paused)
        return Double(running) / 1000 * Double(start.speed)
    }

    /// Injects in the order they play: by offset, then number.
    public var orderedInjects: [ExerciseInject] {
        injects.values.sorted { ($0.offset, $0.number) < ($1.offset, $1.number) }
    }

    /// The injects as they played (a pause, a skip or an added inject moves them from the plan),
    /// then those that did not play, in their planned order.
    public var playingOrder: [ExerciseInject] {
        let planned = orderedInjects
        let playedAt = { (inject: ExerciseInject) in self.played[inject.number]?.at.millisecondsSinceEpoch }
        let played = planned.compactMap { inject in playedAt(inject).map { (inject, $0) } }
            .sorted { ($0.1, $0.0.number) < ($1.1, $1.0.number) }.map(\.0)
        return played + planned.filter { playedAt($0) == nil }
    }

    /// Injects whose time has come by `now` and that were neither played nor skipped.
    public func due(at now: Timestamp) -> [ExerciseInject] {
        guard status == .running else { return [] }
        let elapsed = elapsed(at: now)
        return orderedInjects.filter {
            Double($0.offset) <= elapsed && played[$0.number] == nil && !skipped.contains($0.number)
        }
    }

    /// Scenario time play lasts: to the last inject and the time its answer is allowed.
    public var length: Int { injects.values.map { $0.offset + ($0.within ?? 0) }.max() ?? 0 }

    /// Every inject played or skipped and the last answer's time gone by.
    public func isOver(at now: Timestamp) -> Bool { next == nil && elapsed(at: now) >= Double(length) }

    /// The next inject to play, if any is left.
    public var next: ExerciseInject? {
        orderedInjects.first { played[$0.number] == nil && !skipped.contains($0.number) }
    }

    /// The wall-clock time the inject plays at, with play as it stands (no further pause).
    public func playTime(of inject: ExerciseInject, now: Timestamp) -> Timestamp {
        let remaining = max(0, Double(inject.offset) - elapsed(at: now)) / Double(start.speed)
        return now.adding(milliseconds: Int64(remaining * 1000))
    }
}

extension Fold {
    /// The exercise from its events; nil before `exercise.started`.
    public static func exercise(_ events: [Event]) -> ExerciseRun? {
        let events = ordered(events)
        guard let startEvent = events.first(where: { $0.type == .exerciseStarted }),
            case .exerciseStarted(let start) = startEvent.payload
        else { return nil }
        var run = ExerciseRun(start: start, startedAt: startEvent.at)
        for event in events {
            switch event.payload {
            case .exerciseInject(let inject):
                run.injects[inject.number] = inject
            case .exerciseControl(let control):
                guard run.stopped == nil || control.action == .played else { continue }
                switch control.action {
                case .played:
                    if let number = control.inject, run.played[number] == nil {
                        run.played[number] = .init(at: event.at, message: control.message)
                    }
                case .skipped:
                    if let number = control.inject { run.skipped.insert(number) }
                case .paused:
                    if run.status == .running { run.pauses.append(.init(from: event.at)) }
                case .resumed:
                    if run.status == .paused, let last = run.pauses.indices.last { run.pauses[last].to = event.at }
                case .stopped:
                    if let last = run.pauses.indices.last, run.pauses[last].to == nil { run.pauses[last].to = event.at }
                    run.stopped = .init(at: event.at, reason: control.reason ?? .controller, message: control.message)
                }
            default:
                continue
            }
        }
        return run
    }
}

/// Scenario durations as people write them: `90`, `90s`, `2m`, `1h30m`, `1h 30m 10s`.
public enum ScenarioDuration {
    public static func seconds(_ text: String, field: String) throws(ValidationError) -> Int {
        let trimmed = Digits.western(text.trimmingSpaces()).lowercased()
        if let plain = Int(trimmed), plain >= 0 { return plain }
        var total = 0
        var number = ""
        var seen = false
        for character in trimmed where character != " " {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default:
                throw ValidationError(
                    field: field, value: text, problem: .malformed(expected: "a duration: 90, 90s, 2m, 1h30m"))
            }
            guard let value = Int(number) else {
                throw ValidationError(
                    field: field, value: text, problem: .malformed(expected: "a duration: 90, 90s, 2m, 1h30m"))
            }
            total += value * unit
            number = ""
            seen = true
        }
        guard seen, number.isEmpty else {
            throw ValidationError(
                field: field, value: text, problem: .malformed(expected: "a duration: 90, 90s, 2m, 1h30m"))
        }
        return total
    }
}
