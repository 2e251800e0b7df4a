import Crypto
import Foundation
import _CryptoExtras

/// What PostgreSQL keeps of a role's password for SCRAM-SHA-256 (RFC 5802, RFC 7677), made here so
/// that `CREATE ROLE` carries the verifier and never the password: a server logging statements, or
/// anyone reading `pg_stat_activity`, sees no secret a site could be impersonated with.
enum ScramVerifier {
    /// PostgreSQL 15's own count. The passwords qanat makes are 256 random bits, which no count of
    /// iterations needs to stretch.
    static let iterations = 4096

    static func make(password: String, salt: [UInt8]) throws -> String {
        let salted = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32,
            unsafeUncheckedRounds: iterations)
        let clientKey = HMAC<SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted)
        let storedKey = SHA256.hash(data: Data(clientKey))
        let serverKey = HMAC<SHA256>.authenticationCode(for: Array("Server Key".utf8), using: salted)
        return "SCRAM-SHA-256$\(iterations):\(Data(salt).base64EncodedString())$"
            + "\(Data(storedKey).base64EncodedString()):\(Data(serverKey).base64EncodedString())"
    }

    static func make(password: String) throws -> String {
        var random = SystemRandomNumberGenerator()
        return try make(password: password, salt: (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
}
