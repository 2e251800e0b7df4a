/// The unsent text of the forms that can be opened again from anywhere — a message, an incident —
/// so that a dropped link or a closed window does not lose what an officer was typing. The
/// desk writes them when it ends and offers them back when it starts.
extension DeskState {
    static let keepable: [(key: String, fresh: @Sendable () -> Form)] = [
        ("message", { Forms.postMessage(incident: nil) }),
        ("incident", { Forms.openIncident() }),
    ]

    /// Purpose → field name → what was typed, for forms holding text (open or closed with Esc).
    public var keptDrafts: [String: [String: String]] {
        var kept: [String: [String: String]] = [:]
        for (key, fresh) in Self.keepable {
            let draftKey = Self.draftKey(fresh().purpose)
            let candidates = [form, drafts[draftKey]].compactMap { $0 }.filter {
                Self.draftKey($0.purpose) == draftKey && $0.edited
            }
            if let draft = candidates.first {
                kept[key] = Dictionary(uniqueKeysWithValues: draft.fields.map { ($0.name, $0.value) })
            }
        }
        return kept
    }

    /// Puts kept drafts back, to open with their key (`m`, `o`); true when there were any.
    @discardableResult
    public mutating func restore(drafts kept: [String: [String: String]]) -> Bool {
        var restored = false
        for (key, fresh) in Self.keepable {
            guard let values = kept[key] else { continue }
            var draft = fresh()
            for index in draft.fields.indices {
                guard let value = values[draft.fields[index].name] else { continue }
                draft.fields[index].value = value
                draft.fields[index].cursor = value.count
            }
            guard draft.fields.map(\.value) != fresh().fields.map(\.value) else { continue }
            draft.edited = true
            drafts[Self.draftKey(draft.purpose)] = draft
            restored = true
        }
        if restored { notice = localizer(.draftsRestored) }
        return restored
    }
}
