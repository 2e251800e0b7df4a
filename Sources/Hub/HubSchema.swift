import QanatCore

/// What `qanat hub init` makes in the hub's database: the registry of sites, every event any site
/// pushed (each stamped with the site that first pushed it), the conflicts sites report, and the
/// row-level security that lets a site insert only its own rows, for the agencies it hosts, and
/// read everything. A site is a PostgreSQL role in the group `qanat_site`; the hub's admin is the
/// role that ran `hub init` (or any role that bypasses row-level security).
enum HubSchema {
    /// The group every site's role joins, and the channel the hub notifies on each insert.
    static let siteGroup = "qanat_site"
    static let channel = "qanat_events"

    /// Shapes a row must have before the hub keeps it: a site's role can fill no more than a
    /// journal line's worth a row (`Limits.journalLine`), under an id and an agency code a site reads.
    static let eventID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"
    static let lineFits = "octet_length(line) <= \(Limits.journalLine)"

    /// Sessions a site's role may hold at once: its relay's, and a few for its admin's `psql`; no
    /// site can take every connection the hub has.
    static let connectionsPerSite = 4
    static let siteSessionSettings = [
        "idle_in_transaction_session_timeout = '30s'", "statement_timeout = '60s'",
    ]

    static let statements: [String] = [
        "CREATE SCHEMA IF NOT EXISTS qanat",
        // A site's role connects to read and push, nothing more: no temporary tables of its own.
        "DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$",
        """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(siteGroup)') THEN
            CREATE ROLE \(siteGroup) NOLOGIN;
          END IF;
        END $$
        """,
        """
        CREATE TABLE IF NOT EXISTS qanat.sites (
          code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,6}$'),
          role name NOT NULL UNIQUE,
          agencies text[] NOT NULL CHECK (cardinality(agencies) > 0),
          added timestamptz NOT NULL DEFAULT now()
        )
        """,
        // `tx` is the inserting transaction's id: rows are read in (tx, seq) order, and only those
        // of transactions older than every one still running, so a row that commits late is
        // never skipped (sequence values commit out of order; transaction ids below the
        // snapshot's xmin all have ended).
        """
        CREATE TABLE IF NOT EXISTS qanat.events (
          seq bigint GENERATED ALWAYS AS IDENTITY,
          tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
          id text PRIMARY KEY CHECK (id ~ \(eventID)),
          origin text NOT NULL REFERENCES qanat.sites (code),
          agency text NOT NULL CHECK (agency ~ '^[A-Z0-9-]{2,12}$'),
          line text NOT NULL CHECK (\(lineFits)),
          received bigint,
          pushed timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX IF NOT EXISTS events_in_order ON qanat.events (tx, seq)",
        // How many of its events the hub holds, asked by each site when it connects.
        "CREATE INDEX IF NOT EXISTS events_by_origin ON qanat.events (origin)",
        """
        CREATE TABLE IF NOT EXISTS qanat.conflicts (
          id text NOT NULL CHECK (id ~ \(eventID)),
          first_origin text NOT NULL,
          reported_by text NOT NULL,
          line text NOT NULL CHECK (\(lineFits)),
          reported timestamptz NOT NULL DEFAULT now()
        )
        """,
        // The site the connected role is; SECURITY DEFINER so that the policies need not let a
        // site read the role column (it may read the registry, not change it).
        """
        CREATE OR REPLACE FUNCTION qanat.current_site() RETURNS text
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
          AS $$ SELECT code FROM qanat.sites WHERE role = session_user $$
        """,
        """
        CREATE OR REPLACE FUNCTION qanat.hosts(site text, agency text) RETURNS boolean
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
          AS $$ SELECT EXISTS (SELECT 1 FROM qanat.sites s WHERE s.code = site AND agency = ANY (s.agencies)) $$
        """,
        "ALTER TABLE qanat.events ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE qanat.conflicts ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS read_all ON qanat.events",
        "CREATE POLICY read_all ON qanat.events FOR SELECT TO \(siteGroup) USING (true)",
        "DROP POLICY IF EXISTS insert_own ON qanat.events",
        """
        CREATE POLICY insert_own ON qanat.events FOR INSERT TO \(siteGroup)
          WITH CHECK (origin = qanat.current_site() AND qanat.hosts(origin, agency))
        """,
        "DROP POLICY IF EXISTS read_all ON qanat.conflicts",
        "CREATE POLICY read_all ON qanat.conflicts FOR SELECT TO \(siteGroup) USING (true)",
        "DROP POLICY IF EXISTS report_own ON qanat.conflicts",
        """
        CREATE POLICY report_own ON qanat.conflicts FOR INSERT TO \(siteGroup)
          WITH CHECK (reported_by = qanat.current_site())
        """,
        "REVOKE ALL ON qanat.sites, qanat.events, qanat.conflicts FROM PUBLIC",
        "GRANT USAGE ON SCHEMA qanat TO \(siteGroup)",
        "GRANT SELECT (code, agencies, added) ON qanat.sites TO \(siteGroup)",
        // Columns a site may give: never seq, tx or pushed, which are the hub's.
        "GRANT SELECT, INSERT (id, origin, agency, line, received) ON qanat.events TO \(siteGroup)",
        "GRANT SELECT, INSERT (id, first_origin, reported_by, line) ON qanat.conflicts TO \(siteGroup)",
        "GRANT EXECUTE ON FUNCTION qanat.current_site(), qanat.hosts(text, text) TO \(siteGroup)",
        """
        CREATE OR REPLACE FUNCTION qanat.notify_events() RETURNS trigger LANGUAGE plpgsql
          SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
          PERFORM pg_notify('\(channel)', '');
          RETURN NULL;
        END $$
        """,
        "DROP TRIGGER IF EXISTS events_notify ON qanat.events",
        """
        CREATE TRIGGER events_notify AFTER INSERT ON qanat.events
          FOR EACH STATEMENT EXECUTE FUNCTION qanat.notify_events()
        """,
        // Only the hub's trigger wakes the sites through pg_notify. (A site's role can still say
        // NOTIFY, which no grant governs: a relay wakes at most once per pass however often it is told.)
        "REVOKE EXECUTE ON FUNCTION pg_notify(text, text) FROM PUBLIC",
        // Large objects would hold bytes beyond a row's limit.
        "REVOKE EXECUTE ON FUNCTION lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea) FROM PUBLIC",
    ]
}
