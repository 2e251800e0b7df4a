import CICU

public enum TextDirection: Sendable, Equatable {
    case leftToRight, rightToLeft
}

/// One field (a table cell, a message line) laid out for a terminal that neither reorders nor
/// shapes: visual order left to right, brackets mirrored, Arabic letters joined. Each field is
/// its own bidi paragraph, so text never leaks across columns.
public struct VisualText: Equatable, Sendable {
    /// What to draw, left to right.
    public let text: String
    /// The paragraph direction, from the field's first strong character (left to right if none).
    public let direction: TextDirection
    /// For each logical character (`Character`) of the input, the cell column it is drawn at.
    public let columns: [Int]
    /// Cells the drawn text takes (a lam-alef ligature takes one cell for two letters).
    public let width: Int

    /// `text` as it is, left to right: for text without right-to-left letters, or a terminal
    /// that orders text itself.
    public init(logical text: String) {
        var column = 0
        columns = text.map { cluster in
            defer { column += DisplayWidth.of(cluster) }
            return column
        }
        self.text = text
        direction = .leftToRight
        width = column
    }

    init(text: String, direction: TextDirection, columns: [Int], width: Int) {
        self.text = text
        self.direction = direction
        self.columns = columns
        self.width = width
    }

    /// Where a cursor before logical character `index` stands: on that character, or just past
    /// the text's end in its direction (left of right-to-left text).
    public func cursorColumn(before index: Int) -> Int {
        if index < columns.count { return columns[index] }
        return direction == .rightToLeft ? -1 : width
    }
}

public enum Bidi {
    /// Scalars of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation
    /// forms): text without any is drawn as it is, which keeps English fields free.
    public static func hasRightToLeft(_ text: String) -> Bool {
        // Right-to-left scripts start at U+0590, whose UTF-8 lead byte is 0xD6.
        guard text.utf8.contains(where: { $0 >= 0xD6 }) else { return false }
        return text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
            default: false
            }
        }
    }

    /// The direction of the first strong character, nil when there is none (digits, punctuation).
    public static func direction(of text: String) -> TextDirection? {
        let units = Array(text.utf16)
        return switch qanat_first_strong_direction(units, Int32(units.count)) {
        case 0: .leftToRight
        case 1: .rightToLeft
        default: nil
        }
    }

    /// `text` in visual order and shaped; only what to draw. `paragraph` sets the field's own
    /// direction (a piece of an Arabic line: `Tab التالي` reads key first, from the right);
    /// nil takes its first strong character's.
    public static func visual(_ text: String, paragraph: TextDirection? = nil) -> String {
        hasRightToLeft(text) ? layout(text, paragraph: paragraph).text : text
    }

    /// `piece`, a field cut short, in visual order in the direction of the whole text it was cut
    /// from: `15 (15…` of `15 (15 تجاوزت الهدف)` still reads right to left.
    public static func visual(_ piece: String, cutFrom whole: String) -> String {
        guard hasRightToLeft(whole) else { return piece }
        let direction = baseDirection(Array(whole.utf16))
        return layout(piece, direction: direction, reordered: reorder(Array(piece.utf16), direction)).text
    }

    /// `text` in visual order and shaped, with where each logical character landed.
    public static func layout(_ text: String, paragraph: TextDirection? = nil) -> VisualText {
        guard hasRightToLeft(text) else { return VisualText(logical: text) }
        let logical = Array(text.utf16)
        let direction = paragraph ?? baseDirection(logical)
        return layout(text, direction: direction, reordered: reorder(logical, direction))
    }

    /// One line of a wrapped paragraph, reordered with the levels resolved for the whole
    /// paragraph: in the paragraph's direction, with its context (a number after Arabic on the
    /// line before is still an Arabic number).
    public static func layout(_ line: WrappedLine) -> VisualText {
        guard line.rightToLeft else { return VisualText(logical: line.text) }
        let paragraph = Array(line.paragraph.utf16)
        let direction = baseDirection(paragraph)
        return layout(line.text, direction: direction, reordered: reorder(paragraph, line: line.range, direction))
    }

    private static func baseDirection(_ units: [UInt16]) -> TextDirection {
        qanat_first_strong_direction(units, Int32(units.count)) == 1 ? .rightToLeft : .leftToRight
    }

    /// `text` drawn from its reordering (visual units, and each logical unit's visual index), shaped.
    private static func layout(_ text: String, direction: TextDirection, reordered: ([UInt16], [Int32])?) -> VisualText
    {
        guard let (visual, visualOfLogical) = reordered,
            let (drawn, drawnIndexOfVisual) = shape(visual)
        else {
            return VisualText(
                text: text, direction: direction, columns: Array(0..<text.count), width: DisplayWidth.of(text))
        }
        let drawnText = String(decoding: drawn, as: UTF16.self)
        var columnOfDrawn = [Int](repeating: 0, count: drawn.count + 1)
        var unit = 0
        var column = 0
        for cluster in drawnText {
            for _ in cluster.utf16 where unit < drawn.count {
                columnOfDrawn[unit] = column
                unit += 1
            }
            column += DisplayWidth.of(cluster)
        }
        var columns: [Int] = []
        columns.reserveCapacity(text.count)
        var offset = 0
        for cluster in text {
            let visualIndex = Int(visualOfLogical[offset])
            columns.append(
                visualIndex >= 0 && visualIndex < visual.count ? columnOfDrawn[drawnIndexOfVisual[visualIndex]] : 0)
            offset += cluster.utf16.count
        }
        return VisualText(text: drawnText, direction: direction, columns: columns, width: column)
    }

    private static func reorder(_ paragraph: [UInt16], line: Range<Int>, _ direction: TextDirection) -> (
        [UInt16], [Int32]
    )? {
        guard line.lowerBound >= 0, line.upperBound <= paragraph.count, !line.isEmpty else { return ([], []) }
        var visual = [UInt16](repeating: 0, count: line.count)
        var map = [Int32](repeating: -1, count: line.count)
        let written = qanat_reorder_line(
            paragraph, Int32(paragraph.count), direction == .rightToLeft ? 1 : 0,
            Int32(line.lowerBound), Int32(line.upperBound), &visual, Int32(visual.count), &map)
        guard written == line.count else { return nil }
        return (visual, map)
    }

    private static func reorder(_ logical: [UInt16], _ direction: TextDirection) -> ([UInt16], [Int32])? {
        var visual = [UInt16](repeating: 0, count: logical.count)
        var map = [Int32](repeating: -1, count: logical.count)
        let written = qanat_reorder(
            logical, Int32(logical.count), direction == .rightToLeft ? 1 : 0,
            &visual, Int32(visual.count), &map)
        guard written == logical.count else { return nil }
        return (visual, map)
    }

    /// Joins the Arabic letters of visual-order text. Combining marks (harakat) are kept out of
    /// ICU's shaping, which would turn them into spacing forms, and put back after their letter;
    /// they do not break joining. ICU keeps the length by leaving a space beside each lam-alef
    /// ligature; those spaces are dropped, and the letter they replace points at the ligature.
    /// Returns the units to draw and, per visual unit, its index among them.
    private static func shape(_ visual: [UInt16]) -> ([UInt16], [Int])? {
        var letters: [UInt16] = []
        var letterOfVisual: [Int] = []
        for unit in visual {
            if isCombiningMark(unit), !letters.isEmpty {
                letterOfVisual.append(-letters.count)
                continue
            }
            letterOfVisual.append(letters.count)
            letters.append(unit)
        }
        var shaped = [UInt16](repeating: 0, count: letters.count)
        guard qanat_shape_visual(letters, Int32(letters.count), &shaped, Int32(shaped.count)) == letters.count else {
            return nil
        }
        func isLigature(_ index: Int) -> Bool {
            index >= 0 && index < shaped.count && (0xFEF5...0xFEFC).contains(shaped[index])
        }
        var drawn: [UInt16] = []
        var drawnOfLetter = [Int](repeating: 0, count: letters.count)
        var drawnOfVisual = [Int](repeating: 0, count: visual.count)
        for (visualIndex, unit) in visual.enumerated() {
            let letter = letterOfVisual[visualIndex]
            if letter < 0 {  // a mark: after its letter
                drawn.append(unit)
                drawnOfVisual[visualIndex] = drawnOfLetter[-letter - 1]
                continue
            }
            if shaped[letter] == 0x20, letters[letter] != 0x20 {
                drawnOfLetter[letter] = isLigature(letter + 1) ? drawn.count : max(0, drawn.count - 1)
            } else {
                drawnOfLetter[letter] = drawn.count
                drawn.append(shaped[letter])
            }
            drawnOfVisual[visualIndex] = drawnOfLetter[letter]
        }
        return (drawn, drawnOfVisual)
    }

    private static func isCombiningMark(_ unit: UInt16) -> Bool {
        Unicode.Scalar(unit).map { $0.properties.generalCategory == .nonspacingMark } ?? false
    }
}
