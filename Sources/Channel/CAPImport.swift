import QanatCore
import QanatStore

/// A CAP alert as the events it calls for: an Alert opens an incident, an Update changes the one
/// its first alert opened, a Cancel closes it; each with a message in the log that keeps every
/// `info` (Arabic and English), its urgency and certainty. The events' ids come from the alert's
/// sender and identifier, so the same alert imported twice is applied once.
public struct CAPImport {
    public let actions: Actions
    /// The agency the incident is reported by (a supervisor's own).
    public let actingAgency: String

    public init(actions: Actions, actingAgency: String) {
        self.actions = actions
        self.actingAgency = actingAgency
    }

    public typealias Planned = (id: EventID, write: Actions.Write)

    /// The incident the alert is about, and the events still to write (none when it was applied before).
    /// An id the alert's events take that the store holds already with something else is a conflict
    /// (someone wrote it first), named with its writer: the import reports nothing it did not do.
    public func plan(_ alert: CAPMessage, at now: Timestamp) throws -> (reference: IncidentReference, writes: [Planned])
    {
        let planned = try events(alert, at: now)
        guard let store = actions.store else { return planned }
        for (id, _) in planned.writes {
            if let held = try storeCall({ () throws(StoreError) in try store.event(id) }) {
                throw ChannelError.idHeld(id: id, by: held)
            }
        }
        return planned
    }

    private func events(_ alert: CAPMessage, at now: Timestamp) throws -> (
        reference: IncidentReference, writes: [Planned]
    ) {
        guard let store = actions.store else {
            throw ChannelError.needsStore("an alert is matched against the store's incidents")
        }
        let own = Self.eventID(alert.sender, alert.identifier, "opened")
        let messageID = Self.eventID(alert.sender, alert.identifier, "message")
        try alert.checkPlacedInLibya(actions.context.gazetteer)
        switch alert.messageType {
        case "Alert":
            if let opened = try openedReference(own, store) {
                // Opened already: by this alert imported before, or by an update that came first.
                return (opened, try recorded(messageID, store) ? [] : [(messageID, try message(alert, about: opened))])
            }
            let (reference, opening) = try open(alert)
            return (reference, [(own, opening), (messageID, try message(alert, about: reference))])
        case "Update", "Cancel":
            let mine = Self.eventID(alert.sender, alert.identifier, alert.messageType.lowercased())
            guard !alert.references.isEmpty else {
                throw ValidationError(field: "alert/references", value: "", problem: .missing)
            }
            // A sender updates or cancels its own alerts only: another's would change an incident it never raised.
            let references = alert.references.filter { $0.sender == alert.sender }
            guard let first = references.first else {
                throw CAPError(
                    element: "alert/references",
                    problem: "\(alert.messageType) from \(alert.sender) refused: a sender updates and cancels only its "
                        + "own alerts, and these are " + alert.references.map(\.sender).joined(separator: ", ") + "'s")
            }
            let firstOpened = Self.eventID(first.sender, first.identifier, "opened")
            var opening: [Planned] = []
            let reference: IncidentReference
            if let known = try referencedIncident(references, store) {
                reference = known
            } else {
                // The first alert never reached this store: the update opens the incident, with the id the
                // first alert's opening would have had, so that importing that alert later opens nothing twice.
                guard alert.messageType == "Update" else {
                    throw ValidationError(
                        field: "alert/references", value: "\(first.sender),\(first.identifier)",
                        problem: .unknown(what: "alert imported before, named by"))
                }
                let (opened, write) = try open(alert)
                (reference, opening) = (opened, [(firstOpened, write)])
            }
            if try recorded(mine, store) { return (reference, []) }
            let change: EventPayload
            if alert.messageType == "Cancel" {
                change = try actions.context.payload(
                    .incidentStatusChanged,
                    [
                        "ref": .text(reference.rawValue), "status": .text("closed"),
                        "note": .text("CAP Cancel \(alert.identifier)"),
                    ])
            } else {
                let info = alert.info("en")
                change = try actions.context.payload(
                    .incidentUpdated,
                    [
                        "ref": .text(reference.rawValue),
                        "severity": info.map { .text(CAPMessage.severity($0.severity).rawValue) },
                        "title": info.flatMap(\.headline).map(FieldValue.text),
                    ])
            }
            let agency = try actions.context.knownAgency(actingAgency, field: "agency")
            let missed =
                opening.isEmpty
                ? nil
                : "the first alert (\(first.sender), \(first.identifier)) was never imported: this update opened the incident"
            return (
                reference,
                opening + [(mine, (agency, change)), (messageID, try message(alert, about: reference, note: missed))]
            )
        default:
            throw ValidationError(
                field: "alert/msgType", value: alert.messageType, problem: .notOneOf(["Alert", "Update", "Cancel"]))
        }
    }

    /// The log's record of the alert: each info whole, in its language, with CAP's urgency and
    /// certainty, and a note where CAP's severity was Unknown.
    /// A new incident from the alert's English info (else its first).
    private func open(_ alert: CAPMessage) throws -> (IncidentReference, Actions.Write) {
        guard let info = alert.info("en"), let area = alert.area(info, in: actions.context.gazetteer) else {
            throw ValidationError(
                field: "alert/info/area", value: alert.infos.first?.areaDescription ?? "",
                problem: .unknown(what: "area in the gazetteer for"))
        }
        let reference = try actions.nextIncidentReference()
        let opening = try actions.openIncident(
            agency: actingAgency, type: CAPMessage.incidentType(category: info.category, event: info.event).rawValue,
            severity: CAPMessage.severity(info.severity).rawValue, area: area.id,
            title: info.headline ?? info.event, place: nil, lead: nil, people: nil, reference: { reference })
        return (reference, opening)
    }

    private func recorded(_ id: EventID, _ store: any StoreReader) throws -> Bool {
        try storeCall({ () throws(StoreError) in try store.event(id) }) != nil
    }

    private func message(_ alert: CAPMessage, about reference: IncidentReference, note: String? = nil) throws
        -> Actions.Write
    {
        let lines =
            (note.map { [$0] } ?? [])
            + alert.infos.map { info in
                "[\(info.language)] \(info.event): \(info.headline ?? "")" + (info.description.map { " — \($0)" } ?? "")
                    + " (urgency \(info.urgency), certainty \(info.certainty), severity \(info.severity)"
                    + (info.severity == "Unknown" ? ", recorded as moderate" : "") + ")"
            }
        let severity = alert.info("en").map { CAPMessage.severity($0.severity) } ?? .moderate
        let posting = try actions.context.messagePosting(
            to: ["*"], priority: severity == .extreme ? "flash" : severity == .severe ? "immediate" : "priority",
            channel: "system",
            subject: "CAP \(alert.messageType) \(alert.identifier) (\(alert.sender))",
            body: lines.isEmpty ? "CAP \(alert.messageType)" : lines.joined(separator: "\n"),
            incident: reference.rawValue, acknowledgementRequired: false)
        return (try actions.context.knownAgency(actingAgency, field: "agency"), .messagePosted(posting))
    }

    /// The incident any alert the references name was applied to: its opening, an update or a
    /// cancel of it (feeds often name only the message just before, in any order).
    private func referencedIncident(_ references: [(sender: String, identifier: String)], _ store: any StoreReader)
        throws -> IncidentReference?
    {
        for (sender, identifier) in references {
            for purpose in ["opened", "update", "cancel"] {
                guard
                    let event = try storeCall({ () throws(StoreError) in
                        try store.event(Self.eventID(sender, identifier, purpose))
                    })
                else { continue }
                switch event.payload {
                case .incidentOpened(let opening): return opening.reference
                case .incidentUpdated(let update): return update.reference
                case .incidentStatusChanged(let change): return change.reference
                default: continue
                }
            }
        }
        return nil
    }

    private func openedReference(_ id: EventID, _ store: any StoreReader) throws -> IncidentReference? {
        guard let event = try storeCall({ () throws(StoreError) in try store.event(id) }),
            case .incidentOpened(let opening) = event.payload
        else { return nil }
        return opening.reference
    }

    private func storeCall<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch { throw ChannelError.store(error) }
    }

    /// A UUID of the alert's sender, identifier and what the event does: the same alert gives the same ids.
    static func eventID(_ sender: String, _ identifier: String, _ purpose: String) -> EventID {
        NameDerivedID.make(NameDerivedID.joined(["cap", sender, identifier, purpose]))
    }
}
