/// A folded form of a name for matching spellings: Latin case folded; Arabic harakat and
/// tatweel removed; alef forms to ا, ة to ه, ى to ي, ؤ to و, ئ to ي, Persian ی ک to ي ك;
/// spaces, hyphens, apostrophes and a leading article ("al", "el", "ال") dropped.
public enum NameKey {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670, 0x0640: continue  // harakat, superscript alef, tatweel
            case 0x0623, 0x0625, 0x0622, 0x0671: out.append("\u{0627}")
            case 0x0629: out.append("\u{0647}")
            case 0x0649, 0x06CC, 0x0626: out.append("\u{064A}")
            case 0x0624: out.append("\u{0648}")
            case 0x06A9: out.append("\u{0643}")
            case 0x20, 0x2D, 0x27, 0x2019, 0x5F, 0x2E: continue
            default: out.append(scalar)
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
