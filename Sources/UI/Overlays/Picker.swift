import QanatCore

/// What choosing a line of the picker does.
public enum PickerTarget: Equatable, Sendable {
    /// A command of the palette: a binding's action, on its board where it has one.
    case action(DeskAction, board: Board?)
    case incident(IncidentReference)
    /// A message found by search: Enter opens it whole, on the log.
    case message(EventID)
}

public struct PickerEntry: Equatable, Sendable {
    /// Drawn before the label as a field of its own (a reference; a time and an agency).
    public var lead: String
    public var label: String
    public var detail: String
    public var target: PickerTarget
    /// Why the command cannot act now: the palette shows it greyed, with this.
    public var unavailable: String?

    public init(lead: String = "", label: String, detail: String, target: PickerTarget, unavailable: String? = nil) {
        self.lead = lead
        self.label = label
        self.detail = detail
        self.target = target
        self.unavailable = unavailable
    }
}

/// `/` search and `:` command palette: a prompt over a list. Type to narrow (the palette) or
/// Enter to ask the store (search); ↑ ↓ choose; Enter acts; Esc closes.
public struct Picker: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case search, palette }

    public var kind: Kind
    public var query = FormField(name: "query", label: .keySearch, kind: .text)
    public var entries: [PickerEntry] = []
    public var selected = 0
    /// Search: the text the entries answer (nil before the first Enter).
    public var answered: String?

    public init(kind: Kind) { self.kind = kind }

    public var selectedEntry: PickerEntry? { entries.indices.contains(selected) ? entries[selected] : nil }
}

extension Picker {
    /// The palette's lines for what was typed: an incident reference (or its bare number, this
    /// year's and this site's) to open, then every command whose description matches, in either language.
    static func paletteEntries(
        _ typed: String, now: Timestamp, site: SiteCode? = nil, localizer l: Localizer, exercise: Bool = false,
        unavailable: (DeskAction) -> String? = { _ in nil }
    ) -> [PickerEntry] {
        let text = typed.trimmingSpaces()
        var entries: [PickerEntry] = []
        if let reference = try? IncidentReference(typed: text, year: LibyaTime.civil(now).year, site: site) {
            entries.append(
                PickerEntry(
                    label: l(.openIncident) + " " + reference.rawValue, detail: "",
                    target: .incident(reference)))
        }
        let needle = text.lowercased()
        for binding in KeyBindings.all where !binding.actsOnPlace && (exercise || binding.scope != .exercise) {
            let both = binding.text.translations
            let haystack = [both.en, both.ar, binding.label].map { $0.lowercased() }
            guard needle.isEmpty || haystack.contains(where: { $0.contains(needle) }) else { continue }
            let board: Board? = if case .boards(let boards) = binding.scope { boards.first } else { nil }
            let reason = unavailable(binding.action)
            entries.append(
                PickerEntry(
                    label: l(binding.text), detail: reason.map { "\(binding.label) · \($0)" } ?? binding.label,
                    target: .action(binding.action, board: board), unavailable: reason))
        }
        return entries
    }

    /// Search results as lines: incidents first (reference and title), then messages (time, sender, text).
    static func searchEntries(_ hits: [SearchHit], localizer l: Localizer) -> [PickerEntry] {
        hits.map { hit in
            switch hit {
            case .incident(let record):
                let i = record.incident
                return PickerEntry(
                    lead: i.reference.rawValue, label: i.title, detail: l(i.status) + " · " + l(i.severity),
                    target: .incident(i.reference))
            case .message(let record):
                let m = record.message
                let text = [m.subject, m.body].compactMap { $0 }.joined(separator: " — ")
                return PickerEntry(
                    lead: l.clock(m.postedAt) + " " + m.agency.rawValue, label: text,
                    detail: m.incident?.rawValue ?? "", target: .message(m.id))
            }
        }
    }
}
