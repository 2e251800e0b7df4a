/// Digits as a user may type them: Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) read as
/// 0–9 in every number — people affected, incident numbers, PINs — wherever the keyboard is set.
public enum Digits {
    public static func western(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(western)))
    }

    /// One digit in 0–9; any other scalar as it is.
    public static func western(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30) ?? scalar
        case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30) ?? scalar
        default: scalar
        }
    }

    /// A whole number typed in any of those digits, or nil.
    public static func integer(_ text: String) -> Int? { Int(western(text.trimmingSpaces())) }
}
