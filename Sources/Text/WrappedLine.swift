/// One line of a wrapped paragraph, with the paragraph it was cut from. Bidi resolves levels for
/// the whole paragraph and reorders each line with them (UAX #9, §3.4): every line of a message
/// that starts in English reads left to right however much Arabic it holds, and the reverse.
public struct WrappedLine: Hashable, Sendable {
    /// The paragraph (the text between two line breaks), sanitised.
    public let paragraph: String
    /// The line's place in `paragraph`, in UTF-16 units.
    public let range: Range<Int>
    public let text: String
    /// Whether the paragraph holds right-to-left letters, found once for all its lines: a line of
    /// one that holds none is drawn as it is.
    public let rightToLeft: Bool

    /// `text` in lines of at most `width` cells: broken at spaces where it can, inside a word only
    /// when one word is wider than a line, and at every line break of its own. Nothing but the
    /// spaces at a break is dropped; control characters are shown as placeholders.
    public static func wrap(_ text: String, width: Int) -> [WrappedLine] {
        guard width > 0 else { return [] }
        let breaks: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return text.split(omittingEmptySubsequences: false, whereSeparator: breaks).flatMap { paragraph in
            wrap(paragraph: UntrustedText.sanitized(String(paragraph)), width: width)
        }
    }

    private static func wrap(paragraph: String, width: Int) -> [WrappedLine] {
        let clusters = Array(paragraph)
        let widths = clusters.map(DisplayWidth.of)
        let indices = Array(paragraph.indices) + [paragraph.endIndex]  // each cluster's, and the end
        var offsets = [0]  // UTF-16 offset of each cluster, and of the end
        for cluster in clusters { offsets.append(offsets[offsets.count - 1] + cluster.utf16.count) }
        let rightToLeft = Bidi.hasRightToLeft(paragraph)
        var lines: [WrappedLine] = []
        func emit(_ start: Int, _ end: Int) {
            lines.append(
                WrappedLine(
                    paragraph: paragraph, range: offsets[start]..<offsets[end],
                    text: String(paragraph[indices[start]..<indices[end]]), rightToLeft: rightToLeft))
        }
        var line: (start: Int, end: Int, used: Int)?
        var index = 0
        while index < clusters.count {
            if clusters[index] == " " {
                index += 1
                continue
            }
            var end = index
            while end < clusters.count, clusters[end] != " " { end += 1 }
            let needed = widths[index..<end].reduce(0, +)
            if let current = line {
                let gap = index - current.end
                if current.used + gap + needed <= width {
                    line = (current.start, end, current.used + gap + needed)
                    index = end
                } else {
                    emit(current.start, current.end)
                    line = nil
                }
            } else if needed <= width {
                line = (index, end, needed)
                index = end
            } else {
                // One word wider than the line: as many clusters as fit, then the rest below.
                var piece = index + 1
                var used = widths[index]
                while piece < end, used + widths[piece] <= width {
                    used += widths[piece]
                    piece += 1
                }
                emit(index, piece)
                index = piece
            }
        }
        if let line { emit(line.start, line.end) } else if lines.isEmpty { emit(0, 0) }
        return lines
    }
}
