import Crypto
import Foundation
import QanatCore
import QanatJournal
import _CryptoExtras

/// How a member's PIN is kept in the store and the journal: a salted, slow hash whose text names
/// its scheme, never the PIN. New and changed PINs take PBKDF2-HMAC-SHA256 at OWASP's 600,000
/// rounds (scrypt at OWASP's cost needs 128 MiB, over the desk's memory budget). Entries set
/// before that keep verifying in their own form until an admin sets them again.
public enum PINHash {
    public static let rounds = 600_000
    static let scheme = "pbkdf2-sha256"
    /// The form kept from before: SHA-256 iterated over the salt and the PIN.
    static let oldScheme = "sha256-"

    /// `pbkdf2-sha256$600000$SALT$HASH`, with a fresh 16-byte salt unless one is given.
    public static func hash(_ pin: String, salt: [UInt8] = newSalt()) -> String {
        hash(pin, salt: salt, rounds: rounds)
    }

    static func hash(_ pin: String, salt: [UInt8], rounds: Int) -> String {
        "\(scheme)$\(rounds)$\(salt.hexString)$\(derive(pin, salt: salt, rounds: rounds).hexString)"
    }

    /// Whether the typed PIN (Western or Arabic-Indic digits) is the one the entry keeps.
    public static func verify(_ typed: String, against stored: String) -> Bool {
        let pin = Digits.western(typed)
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        if parts.count == 4, parts[0] == scheme, let rounds = Int(parts[1]), (1...10_000_000).contains(rounds),
            let salt = [UInt8](hex: parts[2]), let kept = [UInt8](hex: parts[3]), kept.count == 32
        {
            // SymmetricKey compares in constant time.
            return SymmetricKey(data: derive(pin, salt: salt, rounds: rounds)) == SymmetricKey(data: kept)
        }
        if parts.count == 3, parts[0].hasPrefix(oldScheme), let rounds = Int(parts[0].dropFirst(oldScheme.count)),
            (1...1_000_000).contains(rounds), let salt = [UInt8](hex: parts[1]), let kept = [UInt8](hex: parts[2]),
            kept.count == 32
        {
            return SymmetricKey(data: oldDigest(pin, salt: salt, rounds: rounds)) == SymmetricKey(data: kept)
        }
        return false
    }

    /// An entry kept in a form older than today's scheme and rounds: `qanat doctor` lists it so an
    /// admin can set the PIN again.
    public static func isOldForm(_ stored: String) -> Bool {
        !stored.hasPrefix("\(scheme)$\(rounds)$")
    }

    public static func newSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    private static func derive(_ pin: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        // Only an output size or rounds below one can fail, and neither is ever asked for.
        guard
            let key = try? KDF.Insecure.PBKDF2.deriveKey(
                from: Array(pin.utf8), salt: salt, using: .sha256,
                outputByteCount: 32, unsafeUncheckedRounds: rounds)
        else { return [] }
        return key.withUnsafeBytes { Array($0) }
    }

    private static func oldDigest(_ pin: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        var value = salt + Array(pin.utf8)
        for _ in 0..<rounds {
            var hasher = SHA256()
            hasher.update(data: value)
            hasher.update(data: salt)
            value = Array(hasher.finalize())
        }
        return value
    }
}
