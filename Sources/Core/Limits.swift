/// Bounds on free text, checked when an event is written and when a journal line is read.
public enum Limits {
    /// Seconds a journal line may be dated ahead of the clock of the host that reads it in.
    public static let futureSkew: Int64 = 120
    /// Seconds a claimed time may lie before its receipt and still be trusted by response-time
    /// metrics — as far as a line may lie ahead (`futureSkew`): a desk's write reaches its store
    /// within seconds; a line that took longer was kept offline or dated back, and is measured
    /// from its receipt.
    public static let claimTrust: Int64 = futureSkew
    /// Bytes of one journal line: far beyond any event (a body of 8,000 characters, escaped, is
    /// under 50 KB), so that a line without end cannot make ingest hold or read it again whole.
    public static let journalLine = 1 << 20
    public static let title = 200
    public static let subject = 200
    public static let body = 8000
    public static let officer = 80
    public static let place = 200
    public static let contact = 200
    public static let agencyName = 200
    public static let capability = 60
    /// `PINHash.hash`'s output is 118 characters; room for a stronger scheme later.
    public static let pinHash = 300
    public static let peopleAffected = 0...10_000_000
    /// What a need asks or an activity does.
    public static let what = 200
    public static let unitOfMeasure = 40
    public static let registration = 60
    /// A risk's mitigations and resources, each.
    public static let riskItem = 300
    /// A need's or a pledge's quantity, in the need's unit of measure.
    public static let quantity = 1...1_000_000_000
    /// People an activity targets or reached.
    public static let people = 0...10_000_000
}
