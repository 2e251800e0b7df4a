import QanatCore
import QanatText

/// A layer's mark in one cell of the map: the shape or letter that says what is there (readable
/// without colour), its colour, and how many are counted there.
struct MapMark: Equatable {
    var text: String
    var role: StyleRole
    var count: Int
    /// Which of two marks in one cell shows: the more urgent.
    var rank: Int

    /// Two marks in one cell: the more urgent shown, both counted.
    func merged(with other: MapMark) -> MapMark {
        var kept = rank >= other.rank ? self : other
        kept.count = count + other.count
        return kept
    }
}

extension MapMark {
    /// Each area's mark on `layer`, by gazetteer id, from what the desk has read.
    static func byArea(_ layer: MapLayer, _ input: BoardInput) -> [String: MapMark] {
        let l = input.localizer
        switch layer {
        case .incidents:
            return (input.data.areaTallies?.byArea ?? [:]).compactMapValues { tally in
                tally.worst.map { worst in
                    MapMark(
                        text: worst.mapMark, role: worst.role, count: tally.incidentCount,
                        rank: Severity.allCases.firstIndex(of: worst) ?? 0)
                }
            }
        case .units:
            return (input.data.areaTallies?.byArea ?? [:]).compactMapValues { tally in
                tally.unitsCommitted > 0 ? MapMark(text: "■", role: .title, count: tally.unitsCommitted, rank: 0) : nil
            }
        case .coverage:
            var marks: [String: MapMark] = [:]
            for cell in input.data.coverage {
                guard let worst = CoverageBoard.worst(cell.flags) else { continue }
                let mark = MapMark(
                    text: CoverageBoard.letter(worst, l), role: CoverageBoard.role(worst), count: 1,
                    rank: CoverageBoard.urgency.count - (CoverageBoard.urgency.firstIndex(of: worst) ?? 0))
                marks[cell.key.area] = marks[cell.key.area].map { $0.merged(with: mark) } ?? mark
            }
            return marks
        case .risks:
            var marks: [String: MapMark] = [:]
            for risk in input.data.risks where risk.entry.band == .high {
                for area in Set(risk.entry.areas) {
                    let mark = MapMark(text: "!", role: RiskBoard.role(.high), count: 1, rank: 0)
                    marks[area] = marks[area].map { $0.merged(with: mark) } ?? mark
                }
            }
            return marks
        }
    }

    /// Marks close enough in a row that a count would run into the next mark, as one: the most
    /// urgent's, where it is, counting them all. Several places in one place, counted.
    static func clustered(_ marks: [MapCell: MapMark], _ l: Localizer) -> [MapCell: MapMark] {
        var result: [MapCell: MapMark] = [:]
        for (_, cells) in Dictionary(grouping: marks.keys, by: \.row) {
            var cluster: [MapCell] = []
            func flush() {
                let members = cluster.compactMap { cell in marks[cell].map { (cell, $0) } }
                guard let first = members.first else { return }
                let kept = members.dropFirst().reduce(first) { best, next in next.1.rank > best.1.rank ? next : best }
                result[kept.0] = members.map(\.1).dropFirst().reduce(members[0].1) { $0.merged(with: $1) }
            }
            for cell in cells.sorted(by: { $0.column < $1.column }) {
                if let last = cluster.last, let mark = marks[last],
                    cell.column <= last.column + DisplayWidth.of(countText(mark.count, l))
                {
                    cluster.append(cell)
                } else {
                    flush()
                    cluster = [cell]
                }
            }
            flush()
        }
        return result
    }

    /// The count beside a mark: at most four cells.
    static func countText(_ count: Int, _ l: Localizer) -> String {
        count > 999 ? l.number(999) + "+" : l.number(count)
    }
}
