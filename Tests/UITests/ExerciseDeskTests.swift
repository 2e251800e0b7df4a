import QanatCore
import QanatText
import XCTest

@testable import QanatUI

/// The desk on an exercise store: play's state in the status bar, the controller's keys, and the
/// banner when the stop phrase ends play.
final class ExerciseDeskTests: XCTestCase {
    func run(_ controls: [ExerciseControl], injects: Int = 2) -> ExerciseRun? {
        let ncemc = try! AgencyCode("NCEMC")
        var events = [
            Event(
                id: .make(at: SampleDesk.at(10)), at: SampleDesk.at(10), agency: ncemc, officer: "Huda", user: nil,
                payload: .exerciseStarted(
                    ExerciseStart(name: "drill", injects: injects, scenario: String(repeating: "a", count: 64))))
        ]
        for number in 1...injects {
            events.append(
                Event(
                    id: .make(at: SampleDesk.at(10)), at: SampleDesk.at(10), agency: ncemc, officer: "Huda", user: nil,
                    payload: .exerciseInject(
                        ExerciseInject(number: number, offset: number * 60, from: ncemc, to: .everyone, text: "inject"))
                ))
        }
        for (n, control) in controls.enumerated() {
            let at = SampleDesk.at(Int64(9 - n))
            events.append(
                Event(
                    id: .make(at: at), at: at, agency: ncemc, officer: "Huda", user: nil,
                    payload: .exerciseControl(control)))
        }
        return Fold.exercise(events)
    }

    /// A viewer's desk on an exercise reads play, and its controller keys say why they cannot act.
    func testAViewersControllerKeysSayItReadsOnly() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.exercise = true
        state.data.exerciseRun = run([])
        state.readOnly = .viewerReadsOnly
        for key: Character in ["P", "K", "I"] {
            state.notice = nil
            XCTAssertNil(state.handle(.character(key)), "\(key)")
            XCTAssertEqual(state.notice, state.localizer(Refusal.viewerReadsOnly), "\(key)")
            XCTAssertNil(state.confirmingSkip)
            XCTAssertNil(state.form)
        }
    }

    func testTheControllersKeysAndWhatTheStatusBarSays() {
        var state = SampleDesk.state(width: 120, height: 30)
        XCTAssertNil(state.handle(.character("P")), "not bound on a real store")
        state.exercise = true
        _ = state.handle(.character("P"))
        XCTAssertEqual(state.notice, state.localizer(.notAnExercise), "an exercise store where play never began")
        state.data.exerciseRun = run([])
        XCTAssertEqual(state.handle(.character("P")), .controlExercise(.paused, inject: nil))
        XCTAssertNil(state.handle(.character("K")), "K asks first")
        XCTAssertEqual(state.confirmingSkip, 1, "the next inject")
        XCTAssertTrue(DeskView.render(state).lines.joined().contains("Skip inject 1 (NCEMC → *: inject)? y / n"))
        XCTAssertNil(state.handle(.character("n")))
        XCTAssertEqual(state.notice, "not skipped")
        _ = state.handle(.character("K"))
        XCTAssertEqual(
            state.handle(.character("ن")), .controlExercise(.skipped, inject: 1), "yes, on an Arabic keyboard too")
        XCTAssertNil(state.handle(.character("I")))
        XCTAssertEqual(state.form?.purpose, .addInject)
        _ = state.handle(.escape)
        state.data.exerciseRun = run([ExerciseControl(action: .paused)])
        XCTAssertEqual(state.handle(.character("P")), .controlExercise(.resumed, inject: nil))
        XCTAssertTrue(DeskView.render(state).lines.last?.contains("EXERCISE · paused") ?? false)
        state.data.exerciseRun = run([ExerciseControl(action: .stopped, reason: .controller)])
        XCTAssertNil(state.handle(.character("P")))
        XCTAssertEqual(state.notice, state.localizer(.exerciseStopped))
    }

    func testEveryFieldOfTheInjectFormIsOnAnEightyByTwentyFourScreen() {
        for language in Language.allCases {
            var state = SampleDesk.state(width: 80, height: 24, language: language)
            state.exercise = true
            state.data.exerciseRun = run([])
            _ = state.handle(.character("I"))
            let screen = DeskView.render(state).lines.joined(separator: "\n")
            for field in state.form?.fields ?? [] {
                XCTAssertTrue(
                    screen.contains(Bidi.visual(state.localizer(field.label))), "\(language): \(field.name)\n\(screen)")
            }
        }
    }

    func testTheWallSaysWhatPlayIsDoing() {
        var wall = WallTests.wall(width: 160, height: 48)
        wall.exercise = true
        wall.boards.exerciseRun = run([ExerciseControl(action: .paused)])
        XCTAssertTrue(WallView.banners(wall).contains { $0.text.contains("EXERCISE — paused") })
        wall.boards.exerciseRun = run([ExerciseControl(action: .stopped, reason: .stopPhrase)])
        XCTAssertTrue(WallView.banners(wall).contains { $0.text.contains("REAL EMERGENCY") })
    }

    func testTheStopPhraseEndsPlayWithABannerInBothLanguages() {
        for language in Language.allCases {
            var state = SampleDesk.state(width: 120, height: 30, language: language)
            state.exercise = true
            state.data.exerciseRun = run([ExerciseControl(action: .stopped, reason: .stopPhrase)])
            let lines = DeskView.render(state).lines
            let banner = Bidi.visual(state.localizer(.exerciseStopped))
            XCTAssertTrue(
                lines[state.height - 3...state.height - 2].contains { $0.contains(banner) },
                "\(language):\n\(lines.joined(separator: "\n"))")
            XCTAssertLessThan(state.boardHeight, state.height - 2, "the banner takes rows of its own")
        }
    }

    /// The banner shows the message that carried the phrase (sender, text) and how to reach the real
    /// desk, whole at 80×24, on the desk and the wall.
    func testTheStopBannerNamesTheMessageAndTheWayToTheRealDesk() {
        let message = SampleDesk.message(
            50, "LRC", .everyone, .flash, "NO DUFF: real flooding at Al Bayda hospital, evacuate ward 3 END",
            minutesAgo: 1)
        for language in Language.allCases {
            var state = SampleDesk.state(width: 80, height: 24, language: language)
            state.exercise = true
            state.data.exerciseRun = run([ExerciseControl(action: .stopped, reason: .stopPhrase)])
            state.data.stopMessage = message
            let screen = DeskView.render(state).lines.joined(separator: "\n")
            XCTAssertTrue(
                screen.contains("LRC (officer)") && screen.contains("END")
                    && screen.contains(language == .en ? "--exercise" : "qanat"), "\(language):\n\(screen)")
            XCTAssertTrue(
                DeskView.render(state).lines[23].contains(language == .en ? "STOPPED" : Bidi.visual("توقف")),
                "the status bar stays: \(DeskView.render(state).lines[23])")
        }
        var wall = WallTests.wall(width: 160, height: 48)
        wall.exercise = true
        wall.boards.exerciseRun = run([ExerciseControl(action: .stopped, reason: .stopPhrase)])
        wall.boards.stopMessage = message
        XCTAssertTrue(
            WallView.banners(wall).contains {
                $0.text.contains("LRC (officer): NO DUFF") && $0.text.contains("--exercise")
            })
    }

    /// The report credits an inject to the agency it expected; another agency doing the same is
    /// listed apart.
    func testTheReportCreditsTheExpectedAgencyAndListsOthersApart() throws {
        let ncemc = try AgencyCode("NCEMC")
        let cd = try AgencyCode("CD")
        let lrc = try AgencyCode("LRC")
        let message = EventID.make(at: SampleDesk.at(8))
        func event(_ minutesAgo: Int64, _ agency: AgencyCode, _ payload: EventPayload) -> Event {
            Event(
                id: .make(at: SampleDesk.at(minutesAgo)), at: SampleDesk.at(minutesAgo), agency: agency,
                officer: "Salem", user: nil, payload: payload)
        }
        let events = [
            event(
                10, ncemc,
                .exerciseStarted(ExerciseStart(name: "drill", injects: 1, scenario: String(repeating: "a", count: 64)))),
            event(
                10, ncemc,
                .exerciseInject(
                    ExerciseInject(
                        number: 1, offset: 60, from: ncemc, to: .agencies([cd, lrc]), text: "ack this",
                        expect: .acknowledge, by: cd, within: 600))),
            event(8, ncemc, .exerciseControl(ExerciseControl(action: .played, inject: 1, message: message))),
            event(7, lrc, .messageAcknowledged(MessageAcknowledgement(message: message))),
            event(6, cd, .messageAcknowledged(MessageAcknowledgement(message: message))),
        ]
        let run = try XCTUnwrap(Fold.exercise(events))
        let lines = ExerciseText.lines(
            run, outcomes: ExerciseEvaluation.outcomes(run, events: events), Localizer(.en), format: .text)
        let credited = try XCTUnwrap(lines.firstIndex(of: "Who acted"))
        let others = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Others who") })
        XCTAssertTrue(
            lines[credited..<others].contains { $0.contains("CD") }
                && !lines[credited..<others].contains { $0.contains("LRC") },
            lines.joined(separator: "\n"))
        XCTAssertTrue(lines[others...].contains { $0.contains("LRC") }, lines.joined(separator: "\n"))
    }
}
