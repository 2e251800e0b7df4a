import QanatCore

/// What the rest of Qanat reads from a shared store: the boards, the wall, reports and every
/// read-only command. Nothing reached through it changes the store, so a process that holds only
/// a reader (the wall) cannot write. SQLite is the one backend today; a second would conform to
/// this, not replace it.
public protocol StoreReader: Sendable {
    var path: String { get }
    /// What a write is checked against (the agencies, the gazetteer): read, not written.
    func writeContext() throws(StoreError) -> WriteContext
    func projectionDigest() throws(StoreError) -> String
    func eventCount() throws(StoreError) -> Int

    func incidents(openOnly: Bool, limit: Int, after key: PageKey?, direction: PageDirection) throws(StoreError)
        -> [IncidentRecord]
    func incidents(matching query: IncidentQuery, limit: Int) throws(StoreError) -> [IncidentRecord]
    func incident(_ reference: IncidentReference) throws(StoreError) -> IncidentRecord?
    func assignments(of reference: IncidentReference) throws(StoreError) -> [Assignment]
    func units(limit: Int, after callSign: String?) throws(StoreError) -> [UnitRecord]
    func unit(_ callSign: CallSign) throws(StoreError) -> Unit?
    func messages(limit: Int, after key: PageKey?, direction: PageDirection) throws(StoreError) -> [MessageRecord]
    func message(_ id: EventID) throws(StoreError) -> MessageRecord?
    func messageIDs(startingWith prefix: String, limit: Int) throws(StoreError) -> [EventID]
    func messages(matching query: MessageQuery, limit: Int) throws(StoreError) -> [MessageRecord]
    /// Those of `ids` that match `query`, newest first: what a change did to a log window.
    func messages(matching query: MessageQuery, among ids: [EventID]) throws(StoreError) -> [MessageRecord]
    func pendingAcknowledgementCount(for agency: AgencyCode, limit: Int) throws(StoreError) -> Int
    func agencies() throws(StoreError) -> [Agency]
    func members() throws(StoreError) -> [Member]
    func wallFigures(latest: Int) throws(StoreError) -> WallFigures
    func isExercise() throws(StoreError) -> Bool
    func committedUnits(limit: Int) throws(StoreError) -> [UnitRecord]
    func openIncidentCounts(in areas: Set<String>?) throws(StoreError) -> [String: [Severity: Int]]
    func areas(of references: [IncidentReference]) throws(StoreError) -> Set<String>
    func committedUnitCounts() throws(StoreError) -> [String: Int]
    func lastShift(of officer: String) throws(StoreError) -> Shift?
    func actor(user: String, officer: String, pinProven: Bool) throws(StoreError) -> Actor
    func search(_ query: SearchQuery, limit: Int) throws(StoreError) -> [SearchHit]
    func changes(after sequence: Int64?, limit: Int) throws(StoreError) -> StoreChanges
    func events(about reference: IncidentReference) throws(StoreError) -> [Event]
    func events(aboutUnit callSign: CallSign, since: Timestamp) throws(StoreError) -> [Event]
    func messages(about reference: IncidentReference, limit: Int) throws(StoreError) -> [MessageRecord]

    func organisations(kind: OrganisationKind?) throws(StoreError) -> [Organisation]
    func organisation(_ code: AgencyCode) throws(StoreError) -> Organisation?
    func needs(matching query: CoordinationQuery) throws(StoreError) -> [Need]
    func need(_ id: RecordID) throws(StoreError) -> Need?
    func activities(matching query: CoordinationQuery) throws(StoreError) -> [Activity]
    func activity(_ id: RecordID) throws(StoreError) -> Activity?
    func pledges(on needs: [RecordID]?) throws(StoreError) -> [Pledge]
    func pledge(_ id: RecordID) throws(StoreError) -> Pledge?
    func coordinationPicture(matching query: CoordinationQuery) throws(StoreError) -> CoordinationPicture
    func coverage(matching query: CoordinationQuery, rules: CoverageRules) throws(StoreError) -> [CoverageCell]
    func recordIDs(of kind: CoordinationRecordKind, startingWith prefix: String, limit: Int) throws(StoreError)
        -> [RecordID]
    func setting(_ setting: StoreSetting) throws(StoreError) -> Int
    func risks(band: RiskBand?) throws(StoreError) -> [Risk]
    func risk(_ id: RecordID) throws(StoreError) -> Risk?
    func incidents(producedBy risk: Risk, limit: Int) throws(StoreError) -> [IncidentRecord]
    func event(_ id: EventID) throws(StoreError) -> Event?
    func responseTargets() throws(StoreError) -> [ResponseTarget]
    func responseSamples(_ period: PerformancePeriod) throws(StoreError) -> [ResponseSample]
    func exerciseRun() throws(StoreError) -> ExerciseRun?
    func risks(producing incident: Incident) throws(StoreError) -> [Risk]
    func reportsWritten(sha256: String) throws(StoreError) -> [Event]
    func events(since time: Timestamp, limit: Int) throws(StoreError) -> [Event]
    func messageTexts(since time: Timestamp, limit: Int) throws(StoreError) -> [(
        id: EventID, at: Timestamp, text: String
    )]
    func events(byOfficer officer: String, since: Timestamp, limit: Int) throws(StoreError) -> [Event]
    /// Of `ids`, those the store does not hold yet: a journal's backlog, a write waiting for its service.
    func absentEvents(_ ids: [String]) throws(StoreError) -> [String]
    /// The service that alone writes this store; nil for an embedded store.
    func serviceOwner() throws(StoreError) -> ServiceOwner?
    /// The site this store is; nil for a store that relays to no hub.
    func site() throws(StoreError) -> SiteCode?
}

/// Where incident references are numbered: the store itself when this process writes it, its
/// service when a service owns it.
public protocol IncidentReferenceSource: Sendable {
    func nextIncidentReference(year: Int64) throws(StoreError) -> IncidentReference
}

/// What changes the store, refining what reads it (as GRDB's `DatabaseWriter: DatabaseReader`):
/// events applied, the read model rebuilt, incident references allocated. Only the write path
/// (`WriteSession`), ingest and the commands that make a store hold one.
public protocol StoreWriter: StoreReader, IncidentReferenceSource {
    @discardableResult func apply(_ events: [Event]) throws(StoreError) -> ApplyResult
    @discardableResult func rebuild(progress: (Int, Int) -> Void) throws(StoreError) -> Int
}

extension SQLiteStore: StoreWriter {
    /// The store at `path` opened for reading only, as a reader: what the wall, the handover and
    /// the read-only commands hold.
    public static func reader(at path: String, busyTimeout: Double = 5) throws(StoreError) -> any StoreReader {
        try SQLiteStore(path: path, options: Options(readOnly: true, busyTimeout: busyTimeout))
    }
}
