import QanatCore
import XCTest

/// An exercise as its events fold: scenario time through pauses and speed, what is due, skipped
/// and over; and the report's judgement of each inject against what followed it.
final class ExerciseTests: XCTestCase {
    let t0: Int64 = 1_796_000_000_000
    let ncemc = try! AgencyCode("NCEMC"), cd = try! AgencyCode("CD"), lrc = try! AgencyCode("LRC")
    let flood = IncidentReference(year: 2026, number: 1)

    func time(_ seconds: Double) -> Timestamp { Timestamp(millisecondsSinceEpoch: t0 + Int64(seconds * 1000)) }

    func event(_ seconds: Double, _ agency: AgencyCode, _ payload: EventPayload) -> Event {
        Event(
            id: .make(at: time(seconds)), at: time(seconds), agency: agency, officer: "Huda", user: nil,
            payload: payload)
    }

    func inject(_ number: Int, at offset: Int, expect: ExpectedAction? = nil, by: AgencyCode? = nil, within: Int? = nil)
        -> EventPayload
    {
        .exerciseInject(
            ExerciseInject(
                number: number, offset: offset, from: ncemc, to: .agencies([cd, lrc]), text: "inject \(number)",
                incident: flood, expect: expect, by: by, within: within))
    }

    func control(
        _ action: ExerciseControl.Action, inject: Int? = nil, message: EventID? = nil,
        reason: ExerciseControl.Reason? = nil
    ) -> EventPayload {
        .exerciseControl(ExerciseControl(action: action, inject: inject, message: message, reason: reason))
    }

    /// Speed 10: a minute of scenario in six seconds of play.
    var started: Event {
        event(
            0, ncemc,
            .exerciseStarted(
                ExerciseStart(name: "drill", speed: 10, injects: 3, scenario: String(repeating: "a", count: 64))))
    }

    func testScenarioTimeRunsAtItsSpeedAndStandsStillWhilePaused() throws {
        let events = [
            started, event(0, ncemc, inject(1, at: 60)), event(0, ncemc, inject(2, at: 120)),
            event(0, ncemc, inject(3, at: 180)),
            event(3, ncemc, control(.paused)), event(13, ncemc, control(.resumed)),
            event(14, ncemc, control(.skipped, inject: 2)),
        ]
        let run = try XCTUnwrap(Fold.exercise(events))
        for _ in 0..<10 { XCTAssertEqual(Fold.exercise(events.shuffled()), run, "any order, one run") }
        XCTAssertEqual(run.elapsed(at: time(3)), 30)
        XCTAssertEqual(run.elapsed(at: time(10)), 30, "paused")
        XCTAssertEqual(run.elapsed(at: time(16)), 60, "the pause left out")
        XCTAssertEqual(run.due(at: time(15)).map(\.number), [], "inject 1 is due at 60 s of scenario")
        XCTAssertEqual(run.due(at: time(16)).map(\.number), [1])
        XCTAssertEqual(run.due(at: time(30)).map(\.number), [1, 3], "2 was skipped")
        XCTAssertEqual(run.playTime(of: try XCTUnwrap(run.injects[3]), now: time(16)), time(28))
        XCTAssertEqual(run.status, .running)
        XCTAssertFalse(run.isOver(at: time(40)), "nothing played yet")
        XCTAssertNil(Fold.exercise(Array(events.dropFirst())), "nothing before the start")
    }

    func testAStopEndsPlayAndNothingAfterItCounts() throws {
        let events = [
            started, event(0, ncemc, inject(1, at: 60)), event(2, ncemc, control(.paused)),
            event(4, ncemc, control(.stopped, reason: .stopPhrase)), event(5, ncemc, control(.resumed)),
        ]
        let run = try XCTUnwrap(Fold.exercise(events))
        XCTAssertEqual(run.status, .stopped(.stopPhrase), "a resume after the stop changes nothing")
        XCTAssertEqual(run.elapsed(at: time(100)), 20)
        XCTAssertEqual(run.due(at: time(100)), [])
    }

    func testEachInjectIsJudgedInScenarioTimeAgainstWhatItsAgencyDid() throws {
        let message1 = EventID.make(at: time(6))
        let message2 = EventID.make(at: time(12))
        let events = [
            started,
            event(0, ncemc, inject(1, at: 60, expect: .acknowledge, by: cd, within: 120)),
            event(0, ncemc, inject(2, at: 120, expect: .assign, by: cd, within: 60)),
            event(0, ncemc, inject(3, at: 180, expect: .status, by: lrc, within: 60)),
            event(0, ncemc, inject(4, at: 600)),
            event(6, ncemc, control(.played, inject: 1, message: message1)),
            event(12, ncemc, control(.played, inject: 2, message: message2)),
            event(18, ncemc, control(.played, inject: 3)),
        ]
        let run = try XCTUnwrap(Fold.exercise(events + [event(40, ncemc, control(.stopped, reason: .controller))]))
        let actions = [
            // LRC acknowledges first; CD 90 s of scenario after the inject (9 s of play at speed 10).
            event(8, lrc, .messageAcknowledged(MessageAcknowledgement(message: message1))),
            event(15, cd, .messageAcknowledged(MessageAcknowledgement(message: message1))),
            // A unit tasked to another incident does not answer inject 2; CD's to the flood does, late.
            event(
                13, cd,
                .assignment(
                    .tasked,
                    AssignmentLink(incident: IncidentReference(year: 2026, number: 9), unit: try CallSign("CD-9")))),
            event(22, cd, .assignment(.tasked, AssignmentLink(incident: flood, unit: try CallSign("CD-1")))),
            // After the stop: not counted.
            event(50, lrc, .incidentStatusChanged(IncidentStatusChange(reference: flood, status: .contained))),
        ]
        let outcomes = ExerciseEvaluation.outcomes(run, events: events + actions)
        XCTAssertEqual(outcomes.map(\.verdict), [.met, .late, .missed, .notPlayed])
        // Stopped 2 s of play (20 s of scenario) after inject 3, which had 60 s: not judged.
        let early = try XCTUnwrap(Fold.exercise(events + [event(20, ncemc, control(.stopped, reason: .controller))]))
        XCTAssertEqual(ExerciseEvaluation.outcomes(early, events: events).map(\.verdict)[2], .cutShort)
        XCTAssertEqual(outcomes[0].responses.map(\.agency), [lrc, cd], "who acted, first to last")
        XCTAssertEqual(outcomes[0].expected?.seconds, 90)
        XCTAssertEqual(outcomes[1].expected?.seconds, 100)
        XCTAssertTrue(outcomes[2].responses.isEmpty)
    }

    /// The report lists injects as they played: an inject added during play, or one played late
    /// after a pause, where it came; those that never played last.
    func testInjectsAreJudgedInTheOrderTheyPlayed() throws {
        let events = [
            started, event(0, ncemc, inject(1, at: 60)), event(0, ncemc, inject(2, at: 120)),
            event(0, ncemc, inject(3, at: 600)),
            event(6, ncemc, control(.played, inject: 1)), event(9, ncemc, inject(4, at: 30)),
            event(10, ncemc, control(.played, inject: 4)), event(12, ncemc, control(.played, inject: 2)),
        ]
        let run = try XCTUnwrap(Fold.exercise(events))
        XCTAssertEqual(ExerciseEvaluation.outcomes(run, events: events).map(\.inject.number), [1, 4, 2, 3])
    }

    func testScenarioDurationsAndTheFileHoldingTogether() throws {
        XCTAssertEqual(try ScenarioDuration.seconds("90", field: "at"), 90)
        XCTAssertEqual(try ScenarioDuration.seconds("2m", field: "at"), 120)
        XCTAssertEqual(try ScenarioDuration.seconds("1h 30m 10s", field: "at"), 5410)
        for wrong in ["2x", "m", "1h30", ""] {
            XCTAssertThrowsError(try ScenarioDuration.seconds(wrong, field: "at"), wrong) {
                XCTAssertEqual(($0 as? ValidationError)?.field, "at")
            }
        }
        var scenario = ExerciseScenario(name: "drill", stopPhrase: "NO DUFF")
        XCTAssertThrowsError(try scenario.check()) { XCTAssertEqual(($0 as? ValidationError)?.field, "injects") }
        scenario.incidents = [
            .init(key: "flood", type: "flashFlood", severity: "severe", area: "Derna", title: "t", agency: "NCEMC")
        ]
        scenario.injects = [.init(at: 60, from: "NCEMC", to: ["CD"], text: "evacuate", incident: "storm")]
        XCTAssertThrowsError(try scenario.check()) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "injects[1].incident")
        }
        scenario.injects = [.init(at: 60, from: "NCEMC", to: ["CD"], text: "then say no duff", incident: "flood")]
        XCTAssertThrowsError(try scenario.check()) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "injects[1].text", "an inject would stop its own exercise")
        }
        scenario.injects[0].text = "evacuate"
        XCTAssertNoThrow(try scenario.check())
        scenario.units = [
            .init(callSign: "CD-DRN-01", agency: "CD", kind: "waterRescue"),
            .init(callSign: "cd-drn-01", agency: "LRC", kind: "ambulance"),
        ]
        XCTAssertThrowsError(try scenario.check()) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "units[2].call_sign", "one unit would overwrite the other")
        }
    }

    func testTheStopPhraseIsFoundAsPeopleTypeIt() {
        XCTAssertTrue(ExerciseStart.carries("حريق حقيقي — ليس تمرينًا", phrase: "ليس تمرينا"), "with tanween")
        XCTAssertTrue(ExerciseStart.carries("Real fire, no duff!", phrase: "NO DUFF"))
        XCTAssertFalse(ExerciseStart.carries("no stuff here", phrase: "NO DUFF"))
        XCTAssertFalse(ExerciseStart.carries("anything", phrase: "  "), "an empty phrase stops nothing")
        var scenario = ExerciseScenario(name: "drill", stopPhrase: "ليس تمرينا")
        scenario.injects = [.init(at: 60, from: "NCEMC", to: ["CD"], text: "هذا ليس تمرينًا")]
        XCTAssertThrowsError(try scenario.check()) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "injects[1].text")
        }
    }

    func testAnInjectExpectingActionNamesWhoseAndTheControllerIsASupervisor() {
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(
                .exerciseInject,
                [
                    "number": .integer(1), "at": .integer(60), "from": .text("NCEMC"), "to": .list(["CD"]),
                    "text": .text("x"), "expect": .text("acknowledge"),
                ])
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "by") }
        let operatorActor = Actor(
            user: "amal", officer: "amal", member: Member(key: MemberKey(user: "amal"), agency: cd, role: .operator),
            membersManaged: true)
        XCTAssertThrowsError(try Authority.check(control(.paused), agency: cd, by: operatorActor)) {
            XCTAssertEqual($0 as? Refusal, .needsRole(.supervisor, for: .controlExercise))
        }
    }
}
