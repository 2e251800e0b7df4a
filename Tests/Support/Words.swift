/// The text's runs of letters, digits and hyphens, for asking whether a secret appears as itself: a hex
/// hash, salt or id may hold its digits by chance (one did, once in CI), and an id's groups stay whole.
public func words(of text: String) -> Set<Substring> {
    Set(text.split { !$0.isLetter && !$0.isNumber && $0 != "-" })
}
