/// A folded form of a name for matching spellings: `SearchText`'s folding, and ؤ to و, ئ to ي;
/// spaces, hyphens, apostrophes and a leading article ("al", "el", "ال") dropped.
public enum NameKey {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x0626: out.append("\u{064A}")  // names fold hamza seats too: ئ to ي, ؤ to و
            case 0x0624: out.append("\u{0648}")
            case 0x20, 0x2D, 0x27, 0x2019, 0x5F, 0x2E: continue
            default: if let folded = SearchText.fold(scalar) { out.append(folded) }
            }
        }
        var key = String(out)
        for article in ["al", "el", "\u{0627}\u{0644}"] where key.hasPrefix(article) && key.count > article.count + 2 {
            key.removeFirst(article.count)
            break
        }
        return key
    }
}
