import QanatCore
import XCTest

@testable import QanatUI

/// Unsent text kept across sessions: only what was typed, and offered back on the same key.
final class KeptDraftsTests: XCTestCase {
    func testATypedMessageIsKeptAndComesBackOnM() {
        var state = SampleDesk.state(width: 120, height: 40)
        XCTAssertTrue(state.keptDrafts.isEmpty)
        _ = state.handle(.character("m"))
        XCTAssertTrue(state.keptDrafts.isEmpty, "a form opened and left as it was keeps nothing")
        for key: KeyPress in [.tab, .tab, .tab, .tab] { _ = state.handle(key) }
        for c in "القارب الثاني" { _ = state.handle(.character(c)) }
        let kept = state.keptDrafts
        XCTAssertEqual(kept["message"]?["body"], "القارب الثاني")
        XCTAssertEqual(kept["message"]?["to"], "*")

        var next = SampleDesk.state(width: 120, height: 40)
        XCTAssertTrue(next.restore(drafts: kept))
        XCTAssertEqual(next.notice, "Unsent text from your last session is kept: m or o opens it")
        _ = next.handle(.character("m"))
        XCTAssertEqual(next.form?.value("body"), "القارب الثاني")
        XCTAssertFalse(next.restore(drafts: ["message": ["to": "*"]]), "nothing typed, nothing restored")
    }

    func testAnUntouchedFormClosedWithEscIsNoDraft() {
        var state = SampleDesk.state(width: 120, height: 40)
        _ = state.handle(.character("m"))
        _ = state.handle(.escape)
        XCTAssertTrue(state.drafts.isEmpty, "the message form's own `*` is not the officer's text")
        XCTAssertFalse(state.holdsUnsentText)
        XCTAssertEqual(state.handle(.character("q")), .quit, "nothing to lose: q quits without asking")
    }
}
