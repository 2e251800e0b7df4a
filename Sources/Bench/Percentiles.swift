/// The median, 95th and 99th percentiles of some timings (NaN for none), as rows report them.
struct Percentiles {
    var p50: Double
    var p95: Double
    var p99: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else {
            (p50, p95, p99) = (.nan, .nan, .nan)
            return
        }
        let at = { (percent: Int) in sorted[min(sorted.count - 1, sorted.count * percent / 100)] }
        (p50, p95, p99) = (sorted[sorted.count / 2], at(95), at(99))
    }
}
