import QanatCore

/// Wall-clock durations for board cells, from the state's `now`: `1h40`, or `1س40` in Arabic.
func since(_ time: Timestamp, _ now: Timestamp, _ l: Localizer) -> String {
    l.number(
        IncidentTimers.compact(
            seconds: (now.millisecondsSinceEpoch - time.millisecondsSinceEpoch) / 1000, units: l.durationUnits))
}

func areaName(_ id: String, _ localizer: Localizer) -> String {
    Gazetteer.libya.area(id: id)?.name(in: localizer.language) ?? id
}

enum IncidentsBoard {
    /// Wide enough for every reference shown: `INC-2026-0001`, a site's `INC-2026-TRP0001`, or a
    /// provisional one made while the store was away (`INC-2026-P1A2B3C4`) or by a gateway, read
    /// whole so it can be typed back.
    static func referenceWidth<References: Sequence<IncidentReference?>>(_ references: References) -> Int {
        min(21, references.reduce(13) { max($0, $1?.rawValue.utf8.count ?? 0) })
    }

    static func columns(_ state: BoardInput) -> [TableColumn<IncidentRecord>] {
        let now = state.now
        return [
            .init(
                title: .colReference, width: referenceWidth(state.data.incidents.lazy.map(\.incident.reference)),
                keep: 100
            ) { r, _ in
                (r.incident.reference.rawValue, nil)
            },
            .init(title: .colSeverity, width: 8, keep: 90) { r, l in (l(r.incident.severity), r.incident.severity.role)
            },
            .init(title: .colStatus, width: 10, keep: 80) { r, l in (l(r.incident.status), nil) },
            .init(title: .colType, width: 16, keep: 30, wide: 28) { r, l in (l(r.incident.type), nil) },
            .init(title: .colTitle, width: 0, keep: 100) { r, _ in (r.incident.title, nil) },
            .init(title: .colArea, width: 12, keep: 70, wide: 22) { r, l in (areaName(r.incident.area, l), nil) },
            .init(title: .colAge, width: 5, keep: 35, alignRight: true) { r, l in
                (since(r.incident.openedAt, now, l), nil)
            },
            .init(title: .colInStatus, width: 6, keep: 60, alignRight: true) { r, l in
                (since(r.incident.statusChangedAt, now, l), timerRole(IncidentTimers.level(r.incident, now: now)))
            },
            .init(title: .colLead, width: 7, keep: 20) { r, _ in (r.incident.leadAgency.rawValue, nil) },
            .init(title: .colUnits, width: 3, keep: 40, alignRight: true) { r, l in (l.number(r.activeUnits), nil) },
        ]
    }

    static func timerRole(_ level: TimerLevel) -> StyleRole? {
        switch level {
        case .normal: nil
        case .warning: .timerWarning
        case .alarm: .timerAlarm
        }
    }

    static func draw(_ state: BoardInput, into frame: inout Frame, x: Int = 0, width: Int) {
        let l = state.localizer
        guard !state.data.incidents.isEmpty else {
            let empty =
                state.listedFromMap
                ? l(MapText.noneOpenHere) : l(state.incidentFiltering ? .noMatches : .noOpenIncidents)
            frame.put(empty, x: x + 1, y: BoardLayout.firstRowY, role: .dim, limit: width - 1)
            return
        }
        var sub = Frame(width: width, height: state.height, layout: frame.layout)
        sub.table(
            columns(state), rows: state.data.incidents, top: 0, height: state.height, width: width,
            flexibleMinimum: 20, selected: state.selected, scrollTo: state.scrollTo, mark: state.mark, localizer: l
        ) { _ in .normal }
        frame.blit(sub, x: x, y: 1)
    }
}

enum UnitsBoard {
    /// A unit row, or the header of a group.
    enum Row: Equatable {
        case group(String, count: Int)
        case unit(UnitRecord)
    }

    static func rows(_ state: BoardInput) -> [Row] {
        rows(state.data.units, grouping: state.unitGrouping, localizer: state.localizer)
    }

    static func rows(_ units: [UnitRecord], grouping: UnitGrouping, localizer l: Localizer) -> [Row] {
        let groups: [(String, [UnitRecord])]
        switch grouping {
        case .status:
            groups = UnitStatus.allCases.map { status in (l(status), units.filter { $0.unit.status == status }) }
        case .agency:
            let codes = Array(Set(units.map(\.unit.agency))).sorted()
            groups = codes.map { code in (code.rawValue, units.filter { $0.unit.agency == code }) }
        }
        return groups.filter { !$0.1.isEmpty }.flatMap { name, members in
            [Row.group(name, count: members.count)] + members.map(Row.unit)
        }
    }

    static func columns(_ state: BoardInput) -> [TableColumn<Row>] {
        let now = state.now
        func unit(_ row: Row, _ value: (UnitRecord) -> String) -> (String, StyleRole?) {
            switch row {
            case .group: ("", .groupHeader)
            case .unit(let record): (value(record), nil)
            }
        }
        return [
            // Every column fits 80 cells (the kind too); the capabilities take what is left.
            .init(title: .colCallSign, width: 13, keep: 100, indent: 2) { row, _ in
                unit(row) { $0.unit.callSign.rawValue }
            },
            .init(title: .colAgency, width: 7, keep: 80) { row, _ in unit(row) { $0.unit.agency.rawValue } },
            .init(title: .colKind, width: 13, keep: 50) { row, l in unit(row) { l($0.unit.kind) } },
            .init(title: .colStatus, width: 14, keep: 90) { row, l in unit(row) { l($0.unit.status) } },
            .init(title: .colSince, width: 5, keep: 60, alignRight: true) { row, l in
                unit(row) { since($0.unit.statusChangedAt, now, l) }
            },
            .init(
                title: .colIncident, width: IncidentsBoard.referenceWidth(state.data.units.lazy.map(\.unit.incident)),
                keep: 85
            ) { row, _ in unit(row) { $0.unit.incident?.rawValue ?? "" } },
            .init(title: .colCapabilities, width: 0, keep: 10) { row, _ in
                unit(row) { $0.unit.capabilities.joined(separator: ", ") }
            },
        ]
    }

    static func draw(_ state: BoardInput, into frame: inout Frame, width: Int) {
        let rows = rows(state)
        guard !rows.isEmpty else {
            frame.put(state.localizer(.noUnits), x: 1, y: BoardLayout.firstRowY, role: .dim, limit: width - 1)
            return
        }
        var sub = Frame(width: width, height: state.height, layout: frame.layout)
        sub.table(
            columns(state), rows: rows, top: 0, height: state.height, width: width, flexibleMinimum: 9,
            selected: state.selected, scrollTo: state.scrollTo, mark: state.mark, localizer: state.localizer,
            banner: { row in
                if case .group(let name, let count) = row { return "▸ \(name) (\(count))" }
                return nil
            }
        ) { row in
            if case .group = row { return .groupHeader }
            return .normal
        }
        frame.blit(sub, x: 0, y: 1)
    }
}

enum LogBoard {
    static func columns(_ state: BoardInput) -> [TableColumn<MessageRecord>] {
        [
            .init(title: .colTime, width: 5, keep: 100) { r, l in (l.shortTime(r.message.postedAt, now: state.now), nil)
            },
            .init(title: .colFrom, width: 7, keep: 95) { r, _ in (r.message.agency.rawValue, nil) },
            .init(title: .colPriority, width: 10, keep: 90) { r, l in (l(r.message.priority), r.message.priority.role)
            },
            // At 80 columns the incident stays and the recipients go (the detail names them).
            .init(title: .colTo, width: 11, keep: 40) { r, _ in (addressees(r), nil) },
            .init(
                title: .colIncident,
                width: IncidentsBoard.referenceWidth(state.data.messages.lazy.map(\.message.incident)), keep: 50
            ) { r, _ in (r.message.incident?.rawValue ?? "", nil) },
            .init(title: .colAcks, width: 5, keep: 70) { r, _ in (acknowledgementMarker(r, state), nil) },
            .init(title: .colMessage, width: 0, keep: 100) { r, _ in
                ([r.message.subject, r.message.body].compactMap { $0 }.joined(separator: " — "), nil)
            },
        ]
    }

    /// Who a message is for, each named agency marked `✓` once it has acknowledged (`*` is
    /// everyone: the Ack column counts those).
    static func addressees(_ record: MessageRecord) -> String {
        let acknowledged = Set(record.acknowledgements.map(\.agency.rawValue))
        return record.message.recipients.codes.map { code in
            record.message.acknowledgementRequired && acknowledged.contains(code) ? code + "✓" : code
        }.joined(separator: ",")
    }

    /// `3/5` acknowledged of those asked; `!` when this desk's agency still owes one (the wall has
    /// none); `-` when none is asked.
    static func acknowledgementMarker(_ record: MessageRecord, _ state: BoardInput) -> String {
        guard record.message.acknowledgementRequired else { return "-" }
        let tally = record.acknowledgementTally(among: state.data.agencies)
        let l = state.localizer
        return "\(l.number(tally.done))/\(l.number(tally.asked))" + (state.awaitsOurAcknowledgement(record) ? "!" : "")
    }

    static func draw(_ state: BoardInput, into frame: inout Frame, width: Int) {
        let messages = state.data.messages
        guard !messages.isEmpty else {
            let empty: UIText = state.logFiltering ? .noMatches : .noMessages
            frame.put(state.localizer(empty), x: 1, y: BoardLayout.firstRowY, role: .dim, limit: width - 1)
            return
        }
        var sub = Frame(width: width, height: state.height, layout: frame.layout)
        // 32: at 80 columns a site's reference (`INC-2026-TRP0001`) stays beside the message.
        sub.table(
            columns(state), rows: messages, top: 0, height: state.height, width: width, flexibleMinimum: 32,
            selected: state.selected, scrollTo: state.scrollTo, mark: state.mark,
            localizer: state.localizer
        ) { record in
            // Flash and immediate stay highlighted until this desk's agency acknowledges them.
            if record.message.priority >= .immediate, state.awaitsOurAcknowledgement(record) { return .unacknowledged }
            return .normal
        }
        frame.blit(sub, x: 0, y: 1)
    }
}
