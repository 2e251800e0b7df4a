import QanatCore
import QanatText

/// A form inside the desk: fields that take typing (Arabic as well as Latin), choices cycled
/// with ←/→, and toggles. What was typed stays when validation fails or the store is busy:
/// only a successful write clears a form.
public struct Choice: Equatable, Sendable {
    public var value: String
    public var en: String
    public var ar: String

    public init(_ value: some RawRepresentable<String> & Translatable) {
        self.value = value.rawValue
        (en, ar) = value.translations
    }

    public init(value: String, en: String, ar: String) {
        self.value = value
        self.en = en
        self.ar = ar
    }
}

public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text
        /// Typed like text, shown as dots: a PIN.
        case secret
        case choice([Choice])
        case toggle
    }

    /// The name validation errors use for this field (`body`, `priority`, ...).
    public var name: String
    public var label: UIText
    public var kind: Kind
    public var value: String
    /// Insertion point, in characters (grapheme clusters) of `value`.
    public var cursor: Int
    public var error: String?

    public init(name: String, label: UIText, kind: Kind, value: String = "") {
        self.name = name
        self.label = label
        self.kind = kind
        self.value = value
        cursor = value.count
    }

    public var isOn: Bool { value == "yes" }
}

public enum FormPurpose: Equatable, Sendable {
    case postMessage
    case openIncident
    case incidentStatus(reference: String)
    case assignUnit(reference: String)
    case unitStatus(callSign: String)
    /// A review of a risk of the open matrix cell.
    case reviewRisk
    /// A new unit on the channel, from the units board.
    case registerUnit
    /// A unit's kind, capabilities or contact changed.
    case editUnit(callSign: String)
    /// Not a write: which incidents the board shows, and in what order.
    case incidentFilter
    /// Not a write: which messages the log shows.
    case logFilter
    /// Not a write: which areas, sector and kind of organisation the coverage board shows.
    case coverageFilter
    /// Who does what in this area and sector (3W), from the coverage board.
    case registerActivity(area: String, sector: Sector)
    /// What this area lacks in this sector, from the coverage board.
    case reportNeed(area: String, sector: Sector)
    /// Part of one of a cell's open needs, promised.
    case makePledge(area: String, sector: Sector)
    /// An officer starting a shift on a shared duty account (name, agency, PIN).
    case signOn
    /// Ending the shift, with a note for the next officer.
    case signOff
    /// The controller adds an inject to the exercise in play.
    case addInject

    var title: UIText {
        switch self {
        case .postMessage: .formPostMessage
        case .openIncident: .formOpenIncident
        case .incidentStatus: .formIncidentStatus
        case .assignUnit: .formAssignUnit
        case .unitStatus: .formUnitStatus
        case .registerUnit: .formRegisterUnit
        case .reviewRisk: .formReviewRisk
        case .editUnit: .formEditUnit
        case .incidentFilter: .formIncidentFilter
        case .logFilter: .formLogFilter
        case .coverageFilter: .formCoverageFilter
        case .registerActivity: .formRegisterActivity
        case .reportNeed: .formReportNeed
        case .makePledge: .formMakePledge
        case .signOn: .formSignOn
        case .signOff: .formSignOff
        case .addInject: .formAddInject
        }
    }
}

public struct Form: Equatable, Sendable {
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focus = 0
    /// A note under the form: a warning (likely duplicate) or why the last submit did not finish.
    public var notice: String?
    /// Set once a warning was shown: the next submit goes ahead.
    public var warned = false
    /// Set once the officer changed a field: only then is the form worth keeping as a draft.
    public var edited = false
    /// Opened from a draft kept earlier (Esc, or a session that ended), not fresh.
    public var restored = false

    public init(purpose: FormPurpose, fields: [FormField]) {
        self.purpose = purpose
        self.fields = fields
    }

    /// Whether anything was typed that would be lost.
    /// (A sign-on form is never kept: it may hold a PIN.)
    public var holdsText: Bool { purpose != .signOn && fields.contains { $0.kind == .text && !$0.value.isEmpty } }

    /// Text the officer typed (a form's own defaults, like the message's `*`, are not theirs):
    /// what is worth keeping as a draft, and asking about before quitting.
    public var holdsTypedText: Bool { edited && holdsText }

    /// A field's text. Asking for a field the form does not have is a mistake in the code, not in
    /// what was typed: it stops the tests (and debug builds) loudly; a release desk reads it as empty
    /// rather than end an officer's session.
    public func value(_ name: String) -> String {
        guard let field = fields.first(where: { $0.name == name }) else {
            assertionFailure("form \(purpose) has no field '\(name)'; its fields: \(fields.map(\.name))")
            return ""
        }
        return field.value
    }

    /// The value without leading or trailing white space.
    public func trimmedValue(_ name: String) -> String { value(name).trimmingSpaces() }

    /// Fills a field before the form is shown (not the officer's typing: `edited` stays).
    mutating func set(_ name: String, _ value: String) {
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            assertionFailure("form \(purpose) has no field '\(name)'; its fields: \(fields.map(\.name))")
            return
        }
        fields[index].value = value
        fields[index].cursor = value.count
    }

    /// Shows an error beside the field it names (or as the notice when no field has that name).
    public mutating func show(error message: String, field: String) { show(errors: [(field, message)]) }

    /// Each refusal beside its field (one per field: the first for it), the focus on the first
    /// wrong field; one that names no field is the form's notice.
    public mutating func show(errors: [(field: String, message: String)]) {
        for index in fields.indices { fields[index].error = nil }
        var focused = false
        for (field, message) in errors {
            guard let index = fields.firstIndex(where: { $0.name == field || field.hasSuffix("." + $0.name) }) else {
                notice = message
                continue
            }
            guard fields[index].error == nil else { continue }
            fields[index].error = message
            if !focused { (focus, focused) = (index, true) }
        }
    }

    public enum Outcome: Equatable { case submit, cancel }

    public mutating func handle(_ key: KeyPress) -> Outcome? {
        guard !fields.isEmpty else { return key == .escape ? .cancel : nil }
        let index = focus
        var field = fields[index]
        if field.kind == .text || field.kind == .secret, field.editText(key) {
            accept(field, at: index)
            return nil
        }
        switch key {
        case .escape: return .cancel
        case .enter:
            if focus == fields.count - 1 { return .submit }
            focus += 1
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .left, .right:
            let step = key == .right ? 1 : -1
            switch field.kind {
            case .text, .secret: break
            case .choice(let options):
                let at = options.firstIndex { $0.value == field.value } ?? 0
                field.value = options[(at + step + options.count) % options.count].value
            case .toggle: field.value = field.isOn ? "no" : "yes"
            }
        case .character(" ") where field.kind == .toggle:
            field.value = field.isOn ? "no" : "yes"
        case .character(let c):
            switch field.kind {
            case .text, .secret:
                break
            case .choice(let options):
                // Typing a letter jumps to the next option whose value or label starts with it.
                let typed = String(c).lowercased()
                let start = min((options.firstIndex { $0.value == field.value } ?? -1) + 1, options.count)
                let rotated = Array(options[start...] + options[..<start])
                if let match = rotated.first(where: {
                    [$0.value, $0.en, $0.ar].contains { $0.lowercased().hasPrefix(typed) }
                }) {
                    field.value = match.value
                }
            case .toggle:
                break
            }
        default:
            break
        }
        accept(field, at: index)
        return nil
    }

    /// A field after a key: once its value changes, its old error no longer speaks of it.
    private mutating func accept(_ field: FormField, at index: Int) {
        var field = field
        if field.value != fields[index].value {
            edited = true
            field.error = nil
            // A warning spoke of what the form held: changed, it is checked again before saving.
            if warned {
                warned = false
                notice = nil
            }
        }
        fields[index] = field
    }
}

extension FormField {
    /// The editing keys of a text field (typing, ← →, Home, End, Backspace), by character so that
    /// Arabic and combining marks move as one. The arrows move the way they point: in right-to-left
    /// text ← goes forward. False when the key is not one of them.
    public mutating func editText(_ key: KeyPress) -> Bool {
        let forward: KeyPress = Bidi.direction(of: value) == .rightToLeft ? .left : .right
        switch key {
        case .left, .right: cursor = key == forward ? min(value.count, cursor + 1) : max(0, cursor - 1)
        case .home: cursor = 0
        case .end: cursor = value.count
        case .backspace:
            guard cursor > 0 else { return true }
            value.remove(at: value.index(value.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        // Readline's keys where a terminal sends them as control characters; any other control
        // character is swallowed: it is no text an officer meant to type.
        case .character("\u{01}"): cursor = 0
        case .character("\u{05}"): cursor = value.count
        case .character("\u{0B}"): value = String(value.prefix(cursor))
        case .character("\u{15}"):
            value = String(value.dropFirst(cursor))
            cursor = 0
        case .character(let c) where c.unicodeScalars.contains { $0.properties.generalCategory == .control }:
            break
        case .character(let c):
            // A combining mark joins the character before it: the count may not grow.
            let before = value.count
            value.insert(c, at: value.index(value.startIndex, offsetBy: cursor))
            cursor += value.count - before
        default:
            return false
        }
        return true
    }
}
