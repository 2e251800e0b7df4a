import GRDB
import QanatCore

/// A search plan as an FTS5 query on this store: each typed word becomes the words of the
/// index that begin with it (`SearchVocabulary`), and each clause one group of phrases for
/// `SearchRank`, with the rows holding it.
struct SearchMatch {
    /// Words beginning with a typed word that are asked for one by one; past this many the
    /// query keeps FTS5's prefix form (`word*`): a word of a letter or two.
    static let expansionLimit = 48

    private(set) var expression = ""
    /// Each phrase's clause, in the order FTS5 numbers phrases (as written, left to right).
    private(set) var phraseClauses: [Int] = []
    /// Rows holding each clause: a bound where several words or names count.
    private(set) var clauseRows: [Int] = []

    /// Nil when nothing in the store can match.
    init?(_ plan: SearchPlan, in db: Database) throws {
        var required: [String] = []
        for clause in plan.required {
            guard let rendered = try render(clause, in: db) else {
                (required, phraseClauses, clauseRows) = ([], [], [])
                break
            }
            required.append(rendered)
        }
        let whole = try plan.whole.flatMap { clause in try render(clause, in: db) }
        switch (required.isEmpty, whole) {
        case (true, nil): return nil
        case (true, let whole?): expression = whole
        case (false, nil): expression = required.joined(separator: " AND ")
        case (false, let whole?): expression = "(" + required.joined(separator: " AND ") + ") OR " + whole
        }
    }

    /// The arguments of `qanat_rank` after the table.
    var rankArguments: [Int] { phraseClauses + clauseRows }

    private mutating func render(_ clause: SearchPlan.Clause, in db: Database) throws -> String? {
        var alternatives: [String] = []
        var rows = 0
        if let prefix = clause.prefix {
            let words = try SearchVocabulary.words(startingWith: prefix, limit: Self.expansionLimit + 1, in: db)
            if words.count > Self.expansionLimit {
                alternatives.append(Self.quoted(prefix) + "*")
                rows += try SearchVocabulary.rows(startingWith: prefix, in: db)
            } else {
                for (word, holding) in words {
                    alternatives.append(Self.quoted(word))
                    rows += holding
                }
            }
        }
        for phrase in clause.phrases {
            // A phrase can match only where the index holds every word of it.
            let holding = try phrase.map { word in try SearchVocabulary.rows(of: word, in: db) }.min() ?? 0
            guard holding > 0 else { continue }
            alternatives.append(Self.quoted(phrase.joined(separator: " ")))
            rows += holding
        }
        guard !alternatives.isEmpty else { return nil }
        phraseClauses += Array(repeating: clauseRows.count, count: alternatives.count)
        clauseRows.append(rows)
        return "(" + alternatives.joined(separator: " OR ") + ")"
    }

    /// Words are runs of letters and digits, so a phrase holds no quote to escape.
    static func quoted(_ phrase: String) -> String { "\"" + phrase + "\"" }
}
