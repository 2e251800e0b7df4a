import QanatUI

/// What the desk's loop does on a key that needs no store: apply it, render the frame. Timed over
/// `count` keys (`key(i)` the i-th), the frames' cells kept so the optimiser renders every one.
func keystrokeTimes(_ initial: DeskState, count: Int, key: (Int) -> KeyPress) -> Percentiles {
    var state = initial
    var samples: [Double] = []
    var cells = 0
    for i in 0..<count {
        let t0 = monotonicNanoseconds()
        _ = state.handle(key(i))
        cells += DeskView.render(state).cells.count
        samples.append(Double(monotonicNanoseconds() - t0) / 1e6)
    }
    precondition(cells == count * initial.width * initial.height)
    return Percentiles(samples)
}

extension BenchResult {
    /// Arabic keystrokes beside English ones on the same screen: the same budget, and at most a
    /// quarter slower (reordering and shaping every field with Arabic in it).
    static func arabicKeystrokes(_ what: String, arabic: Percentiles, english: Percentiles) -> BenchResult {
        BenchResult(
            what: what, figure: String(format: "p50 %.2f ms, p99 %.2f ms", arabic.p50, arabic.p99),
            baseline: String(
                format: "English p50 %.2f, p99 %.2f ms (Arabic %.2f×)", english.p50, english.p99,
                arabic.p99 / english.p99),
            goal: "p99 ≤ 10 ms and ≤ 1.25 × English",
            verdict: arabic.p99 <= 10 && arabic.p99 <= 1.25 * english.p99 ? "met" : "MISSED")
    }
}
