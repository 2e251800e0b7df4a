import XCTest

@testable import QanatHub

/// The verifier a site's role is made with is PostgreSQL's own.
final class ScramVerifierTests: XCTestCase {
    /// RFC 7677's example (password "pencil", its salt, 4096 iterations), the stored and server keys
    /// computed apart from this code by Python's hashlib. That PostgreSQL signs a site in with a
    /// verifier made here is checked end to end by every site test.
    func testTheVerifierIsRFC7677sExample() throws {
        let salt = try XCTUnwrap(Data(base64Encoded: "W22ZaJ0SNY7soEsUEjb6gQ=="))
        let made = try ScramVerifier.make(password: "pencil", salt: Array(salt))
        XCTAssertEqual(
            made,
            "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
                + "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")
    }
}
