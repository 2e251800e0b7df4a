import GRDB
import QanatCore

/// The store's tables. `events` is the append-only log; every other table but `journal_cursors`,
/// `counters` and `settings` is a projection that `rebuild` can make again from `events`.
///
/// There are no foreign keys between projections on purpose: applying is order-independent, so
/// an acknowledgement may arrive before its message and an assignment before its incident.
///
/// Migrations are history: each is the literal SQL it ran, never built from today's code (a new
/// severity or a changed index must not give a new store a schema an old one migrated lacks). A
/// back-fill of derived data may use today's code. New tables and seeds come as new migrations.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                      seq INTEGER PRIMARY KEY,
                      id TEXT NOT NULL UNIQUE,
                      at INTEGER NOT NULL,
                      type TEXT NOT NULL,
                      agency TEXT NOT NULL,
                      officer TEXT NOT NULL,
                      user TEXT,
                      subject TEXT NOT NULL,
                      subject2 TEXT,
                      data TEXT NOT NULL
                    );
                    CREATE INDEX events_by_subject ON events(subject);
                    CREATE INDEX events_by_subject2 ON events(subject2) WHERE subject2 IS NOT NULL;

                    CREATE TABLE agencies (
                      code TEXT PRIMARY KEY,
                      name_ar TEXT NOT NULL,
                      name_en TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      seeded INTEGER NOT NULL DEFAULT 0
                    );

                    CREATE TABLE incidents (
                      ref TEXT PRIMARY KEY,
                      title TEXT NOT NULL,
                      type TEXT NOT NULL,
                      severity TEXT NOT NULL,
                      status TEXT NOT NULL,
                      area TEXT NOT NULL,
                      place TEXT,
                      reporting_agency TEXT NOT NULL,
                      lead_agency TEXT NOT NULL,
                      people_affected INTEGER,
                      opened_at INTEGER NOT NULL,
                      status_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX incidents_by_opening ON incidents(opened_at, ref);
                    CREATE INDEX incidents_by_status ON incidents(status, opened_at);

                    CREATE TABLE units (
                      call_sign TEXT PRIMARY KEY,
                      agency TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      capabilities TEXT NOT NULL,
                      contact TEXT,
                      status TEXT NOT NULL,
                      status_at INTEGER NOT NULL,
                      incident TEXT
                    );

                    CREATE TABLE assignments (
                      incident TEXT NOT NULL,
                      unit TEXT NOT NULL,
                      tasked_at INTEGER NOT NULL,
                      acknowledged_at INTEGER,
                      arrived_at INTEGER,
                      released_at INTEGER,
                      PRIMARY KEY (incident, unit)
                    ) WITHOUT ROWID;

                    CREATE TABLE messages (
                      id TEXT PRIMARY KEY,
                      at INTEGER NOT NULL,
                      agency TEXT NOT NULL,
                      officer TEXT NOT NULL,
                      recipients TEXT NOT NULL,
                      priority TEXT NOT NULL,
                      channel TEXT NOT NULL,
                      subject TEXT,
                      body TEXT NOT NULL,
                      incident TEXT,
                      ack_required INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX messages_by_time ON messages(at, id);

                    CREATE TABLE acknowledgements (
                      message TEXT NOT NULL,
                      agency TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      officer TEXT NOT NULL,
                      event TEXT NOT NULL,
                      PRIMARY KEY (message, agency)
                    ) WITHOUT ROWID;

                    CREATE TABLE journal_cursors (
                      path TEXT PRIMARY KEY,
                      device INTEGER NOT NULL,
                      inode INTEGER NOT NULL,
                      offset INTEGER NOT NULL,
                      line INTEGER NOT NULL
                    );

                    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('MOI', 'مكتب المناوبة والتنسيق بوزارة الداخلية', 'Ministry of Interior duty and coordination office', 'government', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('NCEMC', 'المركز الوطني لإدارة الطوارئ والأزمات والكوارث', 'National Centre for Emergency, Crisis and Disaster Management', 'government', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('CD', 'جهاز الدفاع المدني', 'Civil Defence', 'government', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('LRC', 'جمعية الهلال الأحمر الليبي', 'Libyan Red Crescent', 'ngo', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('LRA', 'الهيئة الليبية للإغاثة والمساعدات الإنسانية', 'Libyan Relief and Humanitarian Aid Agency', 'government', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('MOH', 'وزارة الصحة', 'Ministry of Health', 'government', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('OCHA', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية', 'UN Office for the Coordination of Humanitarian Affairs', 'un', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('UNHCR', 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', 'UN Refugee Agency', 'un', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('WFP', 'برنامج الأغذية العالمي', 'World Food Programme', 'un', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('IOM', 'المنظمة الدولية للهجرة', 'International Organization for Migration', 'un', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('UNICEF', 'منظمة الأمم المتحدة للطفولة', 'UNICEF', 'un', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('WHO', 'منظمة الصحة العالمية', 'World Health Organization', 'un', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('BGZ-MUN', 'بلدية بنغازي', 'Benghazi Municipality', 'municipality', 1);
                    INSERT INTO agencies (code, name_ar, name_en, kind, seeded) VALUES ('DRN-MUN', 'بلدية درنة', 'Derna Municipality', 'municipality', 1);
                    """)
        }
        migrator.registerMigration("v2: messages by incident") { db in
            // The desk's incident timeline reads an incident's messages.
            try db.execute(
                sql: "CREATE INDEX messages_by_incident ON messages(incident, at) WHERE incident IS NOT NULL")
        }
        migrator.registerMigration("v3: board orders") { db in
            // The incidents board asks for the 500 most severe (or least advanced) open incidents:
            // ranks as generated columns, indexed, so that LIMIT stops early instead of sorting all.
            try db.execute(
                sql: """
                    ALTER TABLE incidents ADD COLUMN severity_rank INTEGER GENERATED ALWAYS AS (CASE severity WHEN 'minor' THEN 0 WHEN 'moderate' THEN 1 WHEN 'severe' THEN 2 WHEN 'extreme' THEN 3 END) VIRTUAL;
                    ALTER TABLE incidents ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (CASE status WHEN 'reported' THEN 0 WHEN 'verified' THEN 1 WHEN 'responding' THEN 2 WHEN 'contained' THEN 3 WHEN 'closed' THEN 4 END) VIRTUAL;
                    CREATE INDEX open_incidents_by_severity ON incidents(severity_rank DESC, opened_at DESC, ref DESC)
                      WHERE status <> 'closed';
                    CREATE INDEX open_incidents_by_status ON incidents(status_rank, opened_at DESC, ref DESC)
                      WHERE status <> 'closed';
                    CREATE INDEX open_incidents_by_area ON incidents(area, opened_at DESC, ref DESC) WHERE status <> 'closed';
                    """)
        }
        migrator.registerMigration("v4: pending acknowledgements") { db in
            // The status bar counts, and the log filters, what awaits an agency's acknowledgement.
            try db.execute(
                sql: """
                    CREATE TABLE pending_acknowledgements (
                      message TEXT NOT NULL,
                      agency TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      PRIMARY KEY (message, agency)
                    ) WITHOUT ROWID;
                    CREATE INDEX pending_by_agency ON pending_acknowledgements(agency, at, message);
                    """)
            // Derived data: refilled by today's code (the schema above is what must never drift).
            try PendingAcknowledgements.refill(in: db)
        }
        migrator.registerMigration("v5: normalised search index") { db in
            // `/` and `qanat search` find Arabic across spellings (see SearchText).
            // remove_diacritics 0: Arabic is folded before it gets here, and Latin accents are
            // kept apart (a name's accent can matter); `at` orders equal ranks newest first.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, key UNINDEXED, at UNINDEXED, text,
                      tokenize = 'unicode61 remove_diacritics 0')
                    """)
            try SearchIndex.refill(in: db)
        }
        migrator.registerMigration("v6: members") { db in
            // Who may do what; a store made before this has none, and anyone writes until an
            // admin adds the first member.
            // `officer` is '' for the Unix account itself and the officer's name folded to lower
            // case otherwise (one key per person, however they type their name); `officer_name` is
            // the name as written.
            try db.execute(
                sql: """
                    CREATE TABLE members (
                      user TEXT NOT NULL,
                      officer TEXT NOT NULL,
                      officer_name TEXT,
                      agency TEXT NOT NULL,
                      role TEXT NOT NULL,
                      shared INTEGER NOT NULL,
                      pin TEXT,
                      PRIMARY KEY (user, officer)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v7: flash messages asking for acknowledgement") { db in
            // The wall pins the flash messages still owed an acknowledgement, newest first.
            try db.execute(
                sql: """
                    CREATE INDEX flash_asking_acknowledgement ON messages(at DESC, id DESC)
                      WHERE priority = 'flash' AND ack_required = 1;
                    """)
        }
        migrator.registerMigration("v8: units by incident") { db in
            // An incident's active units are the units on it: counted along this index.
            try db.execute(sql: "CREATE INDEX units_by_incident ON units(incident) WHERE incident IS NOT NULL;")
        }
        migrator.registerMigration("v9: open incidents counted by severity") { db in
            // The wall's counters, kept by triggers as incident rows change, instead of a scan of every
            // open incident on every change. The projector writes rows with INSERT OR REPLACE, whose
            // implicit delete fires no trigger: the row it replaces is taken off before the insert.
            try db.execute(
                sql: """
                    CREATE TABLE open_incident_counts (severity TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO open_incident_counts (severity, n)
                      SELECT severity, count(*) FROM incidents WHERE status <> 'closed' GROUP BY severity;
                    CREATE TRIGGER open_incident_counts_before_insert BEFORE INSERT ON incidents BEGIN
                      UPDATE open_incident_counts SET n = n - 1
                        WHERE severity = (SELECT severity FROM incidents WHERE ref = NEW.ref AND status <> 'closed');
                    END;
                    CREATE TRIGGER open_incident_counts_after_insert AFTER INSERT ON incidents WHEN NEW.status <> 'closed' BEGIN
                      INSERT INTO open_incident_counts (severity, n) VALUES (NEW.severity, 1)
                        ON CONFLICT (severity) DO UPDATE SET n = n + 1;
                    END;
                    CREATE TRIGGER open_incident_counts_after_delete AFTER DELETE ON incidents WHEN OLD.status <> 'closed' BEGIN
                      UPDATE open_incident_counts SET n = n - 1 WHERE severity = OLD.severity;
                    END;
                    CREATE TRIGGER open_incident_counts_after_update AFTER UPDATE OF severity, status ON incidents BEGIN
                      UPDATE open_incident_counts SET n = n - 1 WHERE severity = OLD.severity AND OLD.status <> 'closed';
                      INSERT INTO open_incident_counts (severity, n) SELECT NEW.severity, 1 WHERE NEW.status <> 'closed'
                        ON CONFLICT (severity) DO UPDATE SET n = n + 1;
                    END;
                    """)
        }
        migrator.registerMigration("v10: search vocabulary") { db in
            // The words of the search index with the rows holding each (see SearchVocabulary).
            try db.execute(
                sql: "CREATE TABLE search_words (word TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID")
            try SearchVocabulary.refill(in: db)
        }
        migrator.registerMigration("v11: coordination of relief") { db in
            // Agencies are the organisations of the registry: their registration in new columns
            // (lists joined by the unit separator, which cannot be typed). Needs, activities and
            // pledges are folds of their events, keyed by their UUIDs; dates are Libya days as text.
            try db.execute(
                sql: """
                    ALTER TABLE agencies ADD COLUMN registration TEXT;
                    ALTER TABLE agencies ADD COLUMN areas TEXT NOT NULL DEFAULT '';
                    ALTER TABLE agencies ADD COLUMN sectors TEXT NOT NULL DEFAULT '';
                    ALTER TABLE agencies ADD COLUMN focal_points TEXT NOT NULL DEFAULT '';
                    ALTER TABLE agencies ADD COLUMN capabilities TEXT NOT NULL DEFAULT '';
                    ALTER TABLE agencies ADD COLUMN status TEXT NOT NULL DEFAULT 'active';

                    CREATE TABLE needs (
                      id TEXT PRIMARY KEY,
                      area TEXT NOT NULL,
                      sector TEXT NOT NULL,
                      what TEXT NOT NULL,
                      quantity INTEGER NOT NULL,
                      unit TEXT NOT NULL,
                      people INTEGER,
                      priority TEXT NOT NULL,
                      organisation TEXT NOT NULL,
                      incident TEXT,
                      reported_on TEXT,
                      status TEXT NOT NULL,
                      reported_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX needs_by_cell ON needs(area, sector);

                    CREATE TABLE activities (
                      id TEXT PRIMARY KEY,
                      organisation TEXT NOT NULL,
                      implementer TEXT,
                      sector TEXT NOT NULL,
                      area TEXT NOT NULL,
                      what TEXT NOT NULL,
                      start_day TEXT NOT NULL,
                      end_day TEXT NOT NULL,
                      status TEXT NOT NULL,
                      targeted INTEGER,
                      reached INTEGER,
                      needs TEXT NOT NULL,
                      registered_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX activities_by_cell ON activities(area, sector);

                    CREATE TABLE pledges (
                      id TEXT PRIMARY KEY,
                      need TEXT NOT NULL,
                      organisation TEXT NOT NULL,
                      quantity INTEGER NOT NULL,
                      by_day TEXT,
                      status TEXT NOT NULL,
                      made_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX pledges_by_need ON pledges(need);

                    CREATE TABLE store_settings (setting TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v12: the national risk register") { db in
            // A risk is a fold of its events; its reviews, oldest first, are rows of their own.
            try db.execute(
                sql: """
                    CREATE TABLE risks (
                      id TEXT PRIMARY KEY,
                      hazard TEXT NOT NULL,
                      nature TEXT NOT NULL,
                      title TEXT NOT NULL,
                      areas TEXT NOT NULL,
                      likelihood INTEGER NOT NULL,
                      impact INTEGER NOT NULL,
                      score INTEGER NOT NULL,
                      band TEXT NOT NULL,
                      owner TEXT NOT NULL,
                      mitigations TEXT NOT NULL,
                      plan TEXT,
                      resources TEXT NOT NULL,
                      next_review TEXT,
                      registered_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX risks_by_score ON risks(score DESC, id);

                    CREATE TABLE risk_reviews (
                      risk TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      agency TEXT NOT NULL,
                      officer TEXT NOT NULL,
                      note TEXT,
                      PRIMARY KEY (risk, at, agency, officer)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v13: response targets") { db in
            // Reports written to files need no table: their events are found by `report:SHA256`.
            try db.execute(
                sql: """
                    CREATE TABLE response_targets (
                      metric TEXT PRIMARY KEY,
                      seconds INTEGER NOT NULL,
                      percentile INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v14: journal anchors") { db in
            // The hash of the last line ingest read from each journal: `verify` compares the file with it.
            try db.execute(sql: "ALTER TABLE journal_cursors ADD COLUMN head TEXT")
        }
        migrator.registerMigration("v15: receipt stamps") { db in
            // When the first store took each event in; events from before it stay unstamped.
            try db.execute(sql: "ALTER TABLE events ADD COLUMN received INTEGER")
        }
        migrator.registerMigration("v16: sites") { db in
            // The site that first took each event in; members belong to their site (the same login
            // at two sites is two members), '' in a store that is no site.
            try db.execute(
                sql: """
                    ALTER TABLE events ADD COLUMN origin TEXT;
                    CREATE TABLE members_by_site (
                      site TEXT NOT NULL,
                      user TEXT NOT NULL,
                      officer TEXT NOT NULL,
                      officer_name TEXT,
                      agency TEXT NOT NULL,
                      role TEXT NOT NULL,
                      shared INTEGER NOT NULL,
                      pin TEXT,
                      PRIMARY KEY (site, user, officer)
                    ) WITHOUT ROWID;
                    INSERT INTO members_by_site
                      SELECT '', user, officer, officer_name, agency, role, shared, pin FROM members;
                    DROP TABLE members;
                    ALTER TABLE members_by_site RENAME TO members;
                    """)
        }
        migrator.registerMigration("v17: the map's counts") { db in
            // The map counts open incidents by area and severity: from this index alone (status in it,
            // and severity not the generated rank, or SQLite reads each row), and after a change only
            // in the areas it touched.
            try db.execute(
                sql: """
                    CREATE INDEX open_incidents_by_area_severity ON incidents(area, severity, status) WHERE status <> 'closed'
                    """)
        }
        return migrator
    }

    static func seedAgencies(_ db: Database) throws {
        for agency in Agency.seed {
            try db.execute(
                sql: "INSERT OR IGNORE INTO agencies (code, name_ar, name_en, kind, seeded) VALUES (?, ?, ?, ?, 1)",
                arguments: [agency.code.rawValue, agency.nameArabic, agency.nameEnglish, agency.kind.rawValue])
        }
    }

    /// Tables that hold no projection: the log itself, and what is not made from it (the journals'
    /// read positions, reference counters that writes also move, store settings, GRDB's own).
    static let notDerived: Set<String> = ["events", "journal_cursors", "counters", "settings", "grdb_migrations"]

    /// Every projection table of the store as its schema stands, by name, each with the columns
    /// that order its rows: its primary key, or every column where it has none (the search
    /// index, whose own shadow tables are left to it). Litestream's own tables (`_litestream_seq`,
    /// `_litestream_lock`, in a store it replicates) are not the record's.
    static func digestedTables(_ db: Database) throws -> [(name: String, order: String)] {
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_schema
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\(SearchIndex.table)_%'
                  AND name NOT LIKE '\\_litestream%' ESCAPE '\\'
                ORDER BY name
                """
        ).filter { !notDerived.contains($0) }
        return try names.map { table in
            let columns = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?)", arguments: [table])
            let key = columns.filter { ($0["pk"] as Int? ?? 0) > 0 }.sorted {
                ($0["pk"] as Int? ?? 0) < ($1["pk"] as Int? ?? 0)
            }
            return (table, (key.isEmpty ? columns : key).map { $0["name"] as String? ?? "" }.joined(separator: ", "))
        }
    }

    /// Projection tables, emptied by `rebuild`.
    static let projections =
        [
            "incidents", "units", "assignments", "messages", "acknowledgements", PendingAcknowledgements.table,
            SearchIndex.table, SearchVocabulary.table, Members.table,
        ] + CoordinationRows.tables + RiskRows.tables + EvaluationRows.tables
}
