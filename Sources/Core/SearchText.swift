/// The normalised form under which text is indexed and searched. SQLite's unicode61 tokenizer
/// splits Arabic words at harakat and folds no letter, so both sides are folded first:
/// harakat and tatweel removed; أ إ آ ٱ to ا, ة to ه, ى to ي (ؤ and ئ kept, as Lucene's Arabic
/// normaliser keeps them); Persian ی ک to ي ك; Arabic-Indic digits to 0–9; Latin case-folded.
/// Word boundaries stay, unlike `NameKey`, which folds a whole name into one key.
public enum SearchText {
    public static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        forEachFolded(text) { out.append($0) }
        return String(out)
    }

    /// Calls `body` with each scalar of `text` lower-cased and folded, scalar by scalar: ingest
    /// runs this over every message, and Character-level String work cost three times as much.
    static func forEachFolded(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: body(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            case 0...0x7F: body(scalar)
            case 0x0600...0x06FF: if let folded = fold(scalar) { body(folded) }
            default:
                guard scalar.properties.changesWhenLowercased else {
                    body(scalar)
                    continue
                }
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    if let folded = fold(lower) { body(folded) }
                }
            }
        }
    }

    /// One scalar's folded form; nil when it is dropped.
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x064B...0x065F, 0x0670, 0x0640: nil  // harakat, superscript alef, tatweel
        case 0x0623, 0x0625, 0x0622, 0x0671: "\u{0627}"
        case 0x0629: "\u{0647}"
        case 0x0649, 0x06CC: "\u{064A}"
        case 0x06A9: "\u{0643}"
        case 0x0660...0x0669, 0x06F0...0x06F9: Digits.western(scalar)
        default: scalar
        }
    }

    /// The words of normalised text: runs of letters and digits (with the marks that follow them).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        forEachFolded(text) { scalar in
            if isWordPart(scalar, continuing: !word.isEmpty) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    private static func isWordPart(_ scalar: Unicode.Scalar, continuing: Bool) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return true
        case 0...0x7F: return false
        // Arabic letters, the most of what is indexed, without a lookup of their category.
        case 0x0621...0x063A, 0x0641...0x064A: return true
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                return true
            case .nonspacingMark, .spacingMark, .enclosingMark: return continuing
            default: return false
            }
        }
    }

    /// The definite article and the particles written onto it (as Lucene's Arabic stemmer
    /// strips them): المدرسة and مدرسة are one word to someone searching.
    static let articles = ["وال", "بال", "كال", "فال", "ال", "لل"]

    /// A normalised word without its article; the word itself when it has none, or when what
    /// would be left is too short to be a word.
    public static func stem(_ word: String) -> String {
        let scalars = word.unicodeScalars
        let length = scalars.count
        for article in articleScalars where length >= article.count + 2 && scalars.starts(with: article) {
            return String(String.UnicodeScalarView(scalars.dropFirst(article.count)))
        }
        return word
    }

    private static let articleScalars = articles.map { Array($0.unicodeScalars) }

    /// What the index holds for `text`: its normalised words, then each word that has an article
    /// without it (after all of them, so that phrases of the words stay whole).
    public static func indexed(_ text: String) -> String { indexedWords(text).joined(separator: " ") }

    /// The words of `indexed`, for a caller that also counts them.
    public static func indexedWords(_ text: String) -> [String] {
        let all = words(text)
        var indexed = all
        for word in all {
            let stemmed = stem(word)
            if stemmed.unicodeScalars.count != word.unicodeScalars.count { indexed.append(stemmed) }
        }
        return indexed
    }

    /// Where words starting with each of `words` occur in `text` (as shown, not normalised), as
    /// ranges of its characters: what a screen highlights.
    public static func matches(of words: [String], in text: String) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        // Each character's folded form, and which character each folded one came from.
        var folded: [Character] = []
        var source: [Int] = []
        for (index, character) in text.enumerated() {
            for piece in normalise(String(character)) {
                folded.append(piece)
                source.append(index)
            }
        }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < folded.count {
            let atWordStart = start == 0 || !(folded[start - 1].isLetter || folded[start - 1].isNumber)
            // A word may also begin after its article: مدرسة in المدرسة.
            let article = atWordStart ? articles.first { folded[start...].starts(with: $0) }?.count ?? 0 : 0
            let found =
                atWordStart
                ? [0, article].lazy.compactMap { skip in
                    words.first { folded[(start + skip)...].starts(with: $0) }.map { (start + skip, $0.count) }
                }.first : nil
            if let (from, length) = found {
                ranges.append(source[from]..<(source[from + length - 1] + 1))
                start = from + length
            } else {
                start += 1
            }
        }
        return ranges
    }
}

/// What an officer typed into `/` or `qanat search`, as an FTS5 query over normalised text.
public struct SearchQuery: Equatable, Sendable {
    public let text: String
    /// The typed words, normalised and without their article: what the index is matched and the
    /// screen highlighted with.
    public let words: [String]

    public init(_ text: String) {
        self.text = text
        words = SearchText.words(text).map(SearchText.stem)
    }

    /// Every word must begin a word of the text (prefix match). A word, or the whole query, that
    /// names a place also matches the place's other names in either script: Benghazi, Bengasi
    /// and بنغازي find each other. Nil when nothing searchable was typed.
    public func plan(places: Gazetteer) -> SearchPlan? {
        guard !words.isEmpty else { return nil }
        let required = words.map { word in
            SearchPlan.Clause(prefix: word, phrases: places.area(named: word).map(Self.names) ?? [])
        }
        let whole =
            words.count > 1
            ? places.area(named: text).map { SearchPlan.Clause(prefix: nil, phrases: Self.names(of: $0)) } : nil
        return SearchPlan(required: required, whole: whole)
    }

    /// Each of a place's names as a phrase of its normalised words.
    static func names(of area: Area) -> [[String]] {
        Array(Set(area.allNames.map { SearchText.words($0) }.filter { !$0.isEmpty }))
            .sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }
}

/// What a search asks for, before a store looks up the words it holds: every required clause
/// must match, or else the whole query's place.
public struct SearchPlan: Equatable, Sendable {
    /// One thing asked for: a typed word, matching words of the text that begin with it, or any
    /// of some phrases (a place's names, as normalised words).
    public struct Clause: Equatable, Sendable {
        public var prefix: String?
        public var phrases: [[String]]
    }

    public var required: [Clause]
    /// The names of the place the whole query names (`Green Mountain`), which match alone.
    public var whole: Clause?
}
