import QanatCore
import QanatText

/// The desk's forms, with what each field takes.
public enum Forms {
    /// An inject the controller adds during play: empty `at` plays it at once. Nine fields, as many
    /// as 80×24 shows; it goes by radio (`qanat exercise add --channel` for another).
    public static func addInject(from agency: AgencyCode) -> Form {
        Form(
            purpose: .addInject,
            fields: [
                FormField(name: "at", label: .fieldInjectAt, kind: .text),
                FormField(name: "from", label: .colFrom, kind: .text, value: agency.rawValue),
                FormField(name: "to", label: .fieldTo, kind: .text, value: "*"),
                FormField(
                    name: "priority", label: .colPriority, kind: .choice(MessagePriority.allCases.map(Choice.init)),
                    value: "immediate"),
                FormField(name: "text", label: .colMessage, kind: .text),
                FormField(name: "incident", label: .colIncident, kind: .text),
                FormField(
                    name: "expect", label: .exerciseExpected,
                    kind: .choice(
                        [Choice(value: "", en: UIText.none.translations.en, ar: UIText.none.translations.ar)]
                            + ExpectedAction.allCases.map(Choice.init)),
                    value: ""),
                FormField(name: "by", label: .fieldExpectedBy, kind: .text),
                FormField(name: "within", label: .fieldWithin, kind: .text),
            ])
    }

    public static func postMessage(incident: String?) -> Form {
        Form(
            purpose: .postMessage,
            fields: [
                FormField(name: "to", label: .fieldTo, kind: .text, value: "*"),
                FormField(
                    name: "priority", label: .colPriority, kind: .choice(MessagePriority.allCases.map(Choice.init)),
                    value: "routine"),
                FormField(
                    name: "channel", label: .fieldChannel, kind: .choice(MessageChannel.allCases.map(Choice.init)),
                    value: "radio"),
                FormField(name: "subject", label: .fieldSubject, kind: .text),
                FormField(name: "body", label: .colMessage, kind: .text),
                FormField(name: "incident", label: .colIncident, kind: .text, value: incident ?? ""),
                FormField(name: "ack", label: .fieldAcknowledgement, kind: .toggle, value: "no"),
            ])
    }

    /// A reply: to the sender (to the same recipients when we sent it), about the same incident,
    /// the subject carried over, the cursor in the message.
    public static func reply(to message: Message, from ours: AgencyCode) -> Form {
        var form = postMessage(incident: message.incident?.rawValue)
        let to =
            message.agency == ours ? message.recipients.codes.filter { $0 != ours.rawValue } : [message.agency.rawValue]
        form.set("to", to.isEmpty ? "*" : to.joined(separator: ","))
        if let subject = message.subject { form.set("subject", subject.hasPrefix("Re: ") ? subject : "Re: " + subject) }
        form.focus = form.fields.firstIndex { $0.name == "body" } ?? 0
        return form
    }

    /// `area`: the place selected on the map, by name, where `o` was pressed there.
    public static func openIncident(area: String = "") -> Form {
        Form(
            purpose: .openIncident,
            fields: [
                FormField(
                    name: "type", label: .colType, kind: .choice(IncidentType.allCases.map(Choice.init)),
                    value: IncidentType.flashFlood.rawValue),
                FormField(
                    name: "severity", label: .colSeverity, kind: .choice(Severity.allCases.map(Choice.init)),
                    value: "moderate"),
                FormField(name: "area", label: .colArea, kind: .text, value: area),
                FormField(name: "title", label: .colTitle, kind: .text),
                FormField(name: "place", label: .place, kind: .text),
                FormField(name: "people", label: .peopleAffected, kind: .text),
                FormField(name: "lead", label: .leadAgency, kind: .text),
            ])
    }

    public static func incidentStatus(_ incident: Incident) -> Form {
        let next = incident.status.allowedNext
        return Form(
            purpose: .incidentStatus(reference: incident.reference.rawValue),
            fields: [
                FormField(
                    name: "status", label: .colStatus, kind: .choice(next.map(Choice.init)),
                    value: next.first?.rawValue ?? ""),
                FormField(name: "note", label: .fieldNote, kind: .text),
            ])
    }

    public static func assignUnit(_ incident: Incident, available: [Unit]) -> Form {
        let choices = available.map {
            Choice(value: $0.callSign.rawValue, en: $0.callSign.rawValue, ar: $0.callSign.rawValue)
        }
        return Form(
            purpose: .assignUnit(reference: incident.reference.rawValue),
            fields: [
                FormField(name: "unit", label: .colCallSign, kind: .choice(choices), value: choices.first?.value ?? "")
            ])
    }

    public static let any = Choice(value: "", en: "any", ar: "الكل")
    /// The incident filter's status: every open incident (the board's default), one status, the
    /// closed ones, or all of them, open and closed.
    static let openIncidents = Choice(value: "open", en: "open", ar: "المفتوحة")
    static let allIncidents = Choice(value: "all", en: "all, open and closed", ar: "الكل، مفتوحة ومغلقة")
    static let statusChoices = [openIncidents] + IncidentStatus.allCases.map(Choice.init) + [allIncidents]

    /// The area is shown by its name in the desk's language (the map's Enter sets it by id), which
    /// reads back to the same area.
    public static func incidentFilter(_ query: IncidentQuery, language: Language = .en) -> Form {
        Form(
            purpose: .incidentFilter,
            fields: [
                FormField(
                    name: "order", label: .fieldOrder, kind: .choice(IncidentQuery.Order.allCases.map(Choice.init)),
                    value: query.order.rawValue),
                FormField(
                    name: "status", label: .colStatus, kind: .choice(statusChoices),
                    value: query.status?.rawValue ?? (query.openOnly ? openIncidents.value : allIncidents.value)),
                FormField(
                    name: "severity", label: .fieldMinimumSeverity,
                    kind: .choice([any] + Severity.allCases.map(Choice.init)),
                    value: query.minimumSeverity?.rawValue ?? ""),
                FormField(name: "agency", label: .colAgency, kind: .text, value: query.agency?.rawValue ?? ""),
                FormField(
                    name: "area", label: .colArea, kind: .text,
                    value: query.area.map { Gazetteer.libya.area(id: $0)?.name(in: language) ?? $0 } ?? ""),
            ])
    }

    /// The query a filter form describes, or the field that is wrong.
    public static func query(from form: Form) throws(ValidationError) -> IncidentQuery {
        let agency = form.trimmedValue("agency")
        let area = form.trimmedValue("area")
        let chosen = form.value("status")
        let status =
            [openIncidents.value, allIncidents.value, ""].contains(chosen)
            ? nil : try IncidentStatus.parse(chosen, field: "status")
        return IncidentQuery(
            openOnly: status != .closed && chosen != allIncidents.value,
            status: status,
            minimumSeverity: form.value("severity").isEmpty
                ? nil : try Severity.parse(form.value("severity"), field: "severity"),
            agency: agency.isEmpty ? nil : try AgencyCode(agency, field: "agency"),
            area: area.isEmpty ? nil : try Gazetteer.libya.resolve(area, field: "area").id,
            order: try IncidentQuery.Order.parse(form.value("order"), field: "order"))
    }

    /// An activity in the selected cell, for the desk's own organisation unless another is named.
    public static func registerActivity(_ key: CoverageCell.Key, organisation: AgencyCode, today: CalendarDate) -> Form
    {
        Form(
            purpose: .registerActivity(area: key.area, sector: key.sector),
            fields: [
                FormField(name: "org", label: .fieldOrganisation, kind: .text, value: organisation.rawValue),
                FormField(name: "implementer", label: .fieldImplementer, kind: .text),
                FormField(name: "what", label: .fieldWhat, kind: .text),
                FormField(name: "start", label: .fieldStart, kind: .text, value: today.description),
                FormField(name: "end", label: .fieldEnd, kind: .text, value: today.adding(days: 30).description),
                FormField(
                    name: "status", label: .colStatus,
                    kind: .choice([ActivityStatus.planned, .ongoing].map(Choice.init)), value: "planned"),
                FormField(name: "targeted", label: .fieldTargeted, kind: .text),
                FormField(name: "need", label: .fieldNeed, kind: .text),
            ])
    }

    /// A need in the selected cell, reported by the desk's own organisation unless another is named.
    public static func reportNeed(_ key: CoverageCell.Key, organisation: AgencyCode) -> Form {
        Form(
            purpose: .reportNeed(area: key.area, sector: key.sector),
            fields: [
                FormField(name: "what", label: .fieldNeeded, kind: .text),
                FormField(name: "quantity", label: .fieldQuantity, kind: .text),
                FormField(name: "unit", label: .fieldUnit, kind: .text),
                FormField(name: "people", label: .fieldPeopleInNeed, kind: .text),
                FormField(
                    name: "priority", label: .colPriority, kind: .choice(MessagePriority.allCases.map(Choice.init)),
                    value: "routine"),
                FormField(name: "org", label: .fieldOrganisation, kind: .text, value: organisation.rawValue),
            ])
    }

    /// A pledge on one of the open needs of the cell whose detail is open.
    public static func makePledge(_ key: CoverageCell.Key, needs: [Need], organisation: AgencyCode) -> Form {
        let choices = needs.map { need in
            let label = "\(need.report.what) (\(need.report.quantity) \(need.report.unit))"
            return Choice(value: need.id.rawValue, en: label, ar: label)
        }
        return Form(
            purpose: .makePledge(area: key.area, sector: key.sector),
            fields: [
                FormField(name: "need", label: .fieldNeed, kind: .choice(choices), value: choices.first?.value ?? ""),
                FormField(name: "quantity", label: .fieldQuantity, kind: .text),
                FormField(name: "by", label: .fieldBy, kind: .text),
                FormField(name: "org", label: .fieldOrganisation, kind: .text, value: organisation.rawValue),
            ])
    }

    /// A review of one of the open cell's risks: what it found and when the next is due.
    public static func reviewRisk(_ risks: [Risk], today: CalendarDate) -> Form {
        let choices = risks.map { risk in Choice(value: risk.id.rawValue, en: risk.entry.title, ar: risk.entry.title) }
        return Form(
            purpose: .reviewRisk,
            fields: [
                FormField(name: "risk", label: .fieldRisk, kind: .choice(choices), value: choices.first?.value ?? ""),
                FormField(name: "note", label: .fieldNote, kind: .text),
                FormField(
                    name: "next", label: .fieldNextReview, kind: .text, value: today.adding(days: 90).description),
            ])
    }

    public static func coverageFilter(_ filter: CoverageFilter) -> Form {
        Form(
            purpose: .coverageFilter,
            fields: [
                FormField(
                    name: "district", label: .colDistrict, kind: .text,
                    value: filter.district.flatMap { Gazetteer.libya.area(id: $0)?.nameEnglish } ?? ""),
                FormField(
                    name: "sector", label: .colSector, kind: .choice([any] + Sector.allCases.map(Choice.init)),
                    value: filter.sector?.rawValue ?? ""),
                FormField(
                    name: "kind", label: .colKind, kind: .choice([any] + OrganisationKind.allCases.map(Choice.init)),
                    value: filter.kind?.rawValue ?? ""),
            ])
    }

    /// The coverage filter a form describes, or the field that is wrong (a district is named
    /// among districts only).
    public static func coverageFilter(from form: Form) throws(ValidationError) -> CoverageFilter {
        let district = form.trimmedValue("district")
        return CoverageFilter(
            district: district.isEmpty ? nil : try Gazetteer.libya.resolveDistrict(district).id,
            sector: form.value("sector").isEmpty ? nil : try Sector.parse(form.value("sector"), field: "sector"),
            kind: form.value("kind").isEmpty ? nil : try OrganisationKind.parse(form.value("kind"), field: "kind"))
    }

    public static func logFilter(_ query: MessageQuery) -> Form {
        Form(
            purpose: .logFilter,
            fields: [
                FormField(name: "agency", label: .colAgency, kind: .text, value: query.agency?.rawValue ?? ""),
                FormField(name: "incident", label: .colIncident, kind: .text, value: query.incident?.rawValue ?? ""),
                FormField(
                    name: "priority", label: .fieldMinimumPriority,
                    kind: .choice([any] + MessagePriority.allCases.map(Choice.init)),
                    value: query.minimumPriority?.rawValue ?? ""),
                FormField(
                    name: "awaiting", label: .fieldAwaitingUs, kind: .toggle,
                    value: query.awaitingAcknowledgementBy == nil ? "no" : "yes"),
            ])
    }

    /// The log query a filter form describes; "awaiting" means awaiting `agency`, the desk's own.
    public static func messageQuery(from form: Form, agency ours: AgencyCode, year: Int64, site: SiteCode? = nil)
        throws(ValidationError) -> MessageQuery
    {
        let agency = form.trimmedValue("agency")
        let incident = form.trimmedValue("incident")
        let priority = form.value("priority")
        return MessageQuery(
            agency: agency.isEmpty ? nil : try AgencyCode(agency, field: "agency"),
            incident: incident.isEmpty
                ? nil : try IncidentReference(typed: incident, year: year, site: site, field: "incident"),
            minimumPriority: priority.isEmpty ? nil : try MessagePriority.parse(priority, field: "priority"),
            awaitingAcknowledgementBy: form.fields.first { $0.name == "awaiting" }?.isOn == true ? ours : nil)
    }

    /// A new unit: its call sign, agency (the desk's by default), kind, capabilities and contact.
    public static func registerUnit(agency: AgencyCode) -> Form {
        Form(
            purpose: .registerUnit,
            fields: [
                FormField(name: "callsign", label: .colCallSign, kind: .text),
                FormField(name: "agency", label: .colAgency, kind: .text, value: agency.rawValue),
                FormField(
                    name: "kind", label: .colKind, kind: .choice(UnitKind.allCases.map(Choice.init)),
                    value: UnitKind.allCases[0].rawValue),
                FormField(name: "capabilities", label: .fieldCapabilities, kind: .text),
                FormField(name: "contact", label: .unitContact, kind: .text),
            ])
    }

    /// A unit's kind, capabilities and contact, as they stand: what is changed is recorded.
    public static func editUnit(_ unit: Unit) -> Form {
        Form(
            purpose: .editUnit(callSign: unit.callSign.rawValue),
            fields: [
                FormField(
                    name: "kind", label: .colKind, kind: .choice(UnitKind.allCases.map(Choice.init)),
                    value: unit.kind.rawValue),
                FormField(
                    name: "capabilities", label: .fieldCapabilities, kind: .text,
                    value: unit.capabilities.joined(separator: ", ")),
                FormField(name: "contact", label: .unitContact, kind: .text, value: unit.contact ?? ""),
            ])
    }

    public static func unitStatus(_ unit: Unit) -> Form {
        let next = unit.status.allowedNext(onAssignment: unit.incident != nil)
        return Form(
            purpose: .unitStatus(callSign: unit.callSign.rawValue),
            fields: [
                FormField(
                    name: "status", label: .colStatus, kind: .choice(next.map(Choice.init)),
                    value: next.first?.rawValue ?? "")
            ])
    }
}

extension Forms {
    public static func signOn(officer: String, agency: AgencyCode) -> Form {
        Form(
            purpose: .signOn,
            fields: [
                FormField(name: "officer", label: .officer, kind: .text, value: officer),
                FormField(name: "agency", label: .colAgency, kind: .text, value: agency.rawValue),
                FormField(name: "pin", label: .fieldPIN, kind: .secret),
            ])
    }

    public static func signOff() -> Form {
        Form(purpose: .signOff, fields: [FormField(name: "note", label: .handedOver, kind: .text)])
    }
}

/// A form over the board: label, value (the cursor shown as a reversed cell), error beside it.
enum FormOverlay {
    /// A text field's value, scrolled so the cursor (a reversed cell) stays in view.
    static func drawText(_ field: FormField, x: Int, y: Int, width: Int, focused: Bool, into frame: inout Frame) {
        guard focused else {
            frame.put(field.value, x: x, y: y, role: .dim, limit: width)
            return
        }
        frame.putEditable(
            field.value, cursor: field.cursor, x: x, y: y, width: width, role: .normal, cursorRole: .selected)
    }

    static func draw(_ form: Form, state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let labelWidth = min(18, (form.fields.map { l($0.label).count }.max() ?? 0) + 1)
        let width = min(frame.width - 2, 76)
        let valueWidth = width - labelWidth - 5
        // Beside its field an error needs no label: the label is there. One too long for the row
        // under its field is read whole under the fields instead (a list of allowed agencies is),
        // as long as every field still shows: fields come first.
        func beside(_ field: FormField) -> String? {
            field.error.map { error in
                let prefix = l(field.label) + ": "
                return "⚠ " + (error.hasPrefix(prefix) ? String(error.dropFirst(prefix.count)) : error)
            }
        }
        let longError = form.fields.first { field in beside(field).map { DisplayWidth.of($0) > valueWidth } ?? false }?
            .error
        let room = max(0, frame.height - 2 - (form.fields.count * 2 + 5))
        let errorLines = Array((longError.map { DisplayWidth.wrap("⚠ " + $0, width: width - 4) } ?? []).prefix(room))
        let height = min(frame.height - 2, form.fields.count * 2 + 5 + errorLines.count)
        let x = (frame.width - width) / 2
        let top = max(1, (frame.height - height) / 2)
        for y in top..<(top + height) { frame.fill(x: x, y: y, width: width, role: .overlay) }
        var title = l(form.purpose.title)
        switch form.purpose {
        case .incidentStatus(let ref), .assignUnit(let ref): title += " " + ref
        case .unitStatus(let callSign), .editUnit(let callSign): title += " " + callSign
        case .registerActivity(let area, let sector), .reportNeed(let area, let sector),
            .makePledge(let area, let sector):
            title += " " + areaName(area, l) + " × " + l(sector)
        // A message names the incident it is about; a draft says it is one (its incident is its own).
        case .postMessage where !form.value("incident").isEmpty: title += " — " + form.value("incident")
        default: break
        }
        if form.restored { title += " (\(l(.draftMarker)))" }
        frame.put(" \(title) ", x: x + 2, y: top, role: .title)
        let valueX = x + 2 + labelWidth + 1
        let fieldsEnd = top + height - 2 - errorLines.count
        for (index, field) in form.fields.enumerated() {
            let y = top + 2 + index * 2
            guard y < fieldsEnd else { break }
            let focused = index == form.focus
            frame.put(field: l(field.label), x: x + 2, y: y, width: labelWidth, role: focused ? .key : .overlay)
            frame.fill(x: valueX, y: y, width: valueWidth, role: focused ? .normal : .dim)
            switch field.kind {
            case .text:
                drawText(field, x: valueX, y: y, width: valueWidth, focused: focused, into: &frame)
            case .secret:
                var dots = field
                dots.value = String(repeating: "•", count: field.value.count)
                drawText(dots, x: valueX, y: y, width: valueWidth, focused: focused, into: &frame)
            case .choice(let options):
                let label =
                    options.first { $0.value == field.value }.map { l.language == .ar ? $0.ar : $0.en } ?? field.value
                frame.put("◂ \(label) ▸", x: valueX, y: y, role: focused ? .selected : .dim, limit: valueWidth)
            case .toggle:
                frame.put(
                    field.isOn ? "[x] \(l(.yes))" : "[ ] \(l(.no))", x: valueX, y: y, role: focused ? .selected : .dim)
            }
            if let error = beside(field) {
                // Read whole under the fields: here only its mark, so it is not read twice.
                let below = field.error == longError && !errorLines.isEmpty
                // Too long for the value's column: the row's whole width, under the label too.
                if !below, DisplayWidth.of(error) > valueWidth {
                    frame.put(error, x: x + 2, y: y + 1, role: .error, limit: width - 4)
                } else {
                    frame.put(below ? "⚠ ↓" : error, x: valueX, y: y + 1, role: .error, limit: valueWidth)
                }
            }
        }
        for (row, line) in errorLines.enumerated() where fieldsEnd + row < top + height - 2 {
            frame.put(line, x: x + 2, y: fieldsEnd + row, role: .error, limit: width - 4)
        }
        if let notice = form.notice {
            frame.put(notice, x: x + 2, y: top + height - 2, role: .error, limit: width - 4)
        }
        frame.put(pieces: l.pieces(.formHint), x: x + 2, y: top + height - 1, role: .dim, limit: width - 4)
    }
}
