import ArgumentParser
import QanatCore

/// A whole number on the command line, in the digits the officer's keyboard gives: 0–9, ٠–٩ or
/// ۰–۹, as the desk's fields take them (`--quantity ٣٠٠`).
func wholeNumber(_ text: String) throws -> Int {
    guard let number = Digits.integer(text) else {
        throw ValidationError("'\(text)' is not a whole number (0-9 or ٠-٩)")
    }
    return number
}

/// The words of a command line with each negative number kept a value: the argument parser reads
/// `-5` as an option, so `target set arrive -5` would say a value is missing instead of that
/// seconds must be positive. After an option it becomes that option's value (`--quantity=-5`);
/// as a positional it goes after `--`, which ends the options.
func negativeNumbersAsValues(_ words: [String]) -> [String] {
    func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && Digits.integer(String(word.dropFirst())) != nil
    }
    var out: [String] = []
    var positional: [String] = []
    for (index, word) in words.enumerated() {
        if word == "--" { return out + words[index...] + positional }
        guard isNegativeNumber(word) else {
            out.append(word)
            continue
        }
        if let option = out.last, option.hasPrefix("--"), !option.contains("=") {
            out[out.count - 1] = option + "=" + word
        } else {
            positional.append(word)
        }
    }
    return positional.isEmpty ? out : out + ["--"] + positional
}
