import QanatCore
import QanatStore
import QanatUI

/// Reads what the desk shows, in windows: memory stays flat whatever the store's size.
/// Shared by the desk's event loop and the benchmark that times it.
public struct DeskLoader: Sendable {
    public let store: any StoreReader
    public static let incidentWindow = 500
    public static let unitWindow = 1000
    public static let messageWindow = 500

    public init(store: any StoreReader) { self.store = store }

    /// Rows of the log read for the first frame after a new filter: the screen's twice over.
    public static func firstPage(height: Int) -> Int { max(2 * height, 50) }

    /// The windows the state asks for (all by default): the boards through their queries, the open
    /// detail, the count. With `changedMessages` (the messages new events touched) the log's
    /// window is kept up from those alone where it can be (`LogWindow`). With `firstPageOnly` a
    /// log read whole reads only what the screen shows twice over (`logWindowPartial`): a
    /// filter such as `u` draws its frame from 100 rows, not 500 scattered through the store.
    /// One store error leaves the state as it was.
    /// With `changedRecords` (the needs, activities and pledges new events touched) the coverage
    /// board reads again only the cells they lie in.
    public func load(
        into state: inout DeskState, refresh: DeskRefresh = .all, changedMessages: Set<EventID>? = nil,
        changedRecords: Set<Subject>? = nil, firstPageOnly: Bool = false
    ) throws(StoreError) {
        try load(
            into: &state,
            plan: ReloadPlan(refresh: refresh, changedMessages: changedMessages, changedRecords: changedRecords),
            firstPageOnly: firstPageOnly)
    }

    /// Reads what `plan` names (`DeskRefresh.plan` decides it).
    public func load(into state: inout DeskState, plan: ReloadPlan, firstPageOnly: Bool = false) throws(StoreError) {
        let (refresh, changedMessages, changedRecords) = (plan.refresh, plan.changedMessages, plan.changedRecords)
        var data = state.data
        if refresh.contains(.incidents) {
            data.incidents = try store.incidents(matching: state.incidentQuery, limit: Self.incidentWindow)
            // The board's default order, most severe first, starts with the newest extreme incidents:
            // they need no query of their own unless the board is filtered or ordered otherwise.
            let extremeFirst = state.incidentQuery == IncidentQuery()
            data.newestExtreme =
                extremeFirst
                ? Array(data.incidents.prefix { $0.incident.severity == .extreme }.prefix(DeskData.alertWindow))
                : try store.incidents(
                    matching: IncidentQuery(minimumSeverity: .extreme, order: .severity), limit: DeskData.alertWindow)
        }
        if refresh.contains(.incidents) {
            let selected = state.selection.incident
            data.hiddenIncident = try selected.flatMap { reference throws(StoreError) in
                data.incidents.contains { $0.incident.reference == reference } ? nil : try store.incident(reference)
            }
        }
        if refresh.contains(.units) { data.units = try store.units(limit: Self.unitWindow, after: nil) }
        if refresh.contains(.messages) {
            let fresh = try changedMessages.map { ids throws(StoreError) in
                try store.messages(matching: state.logQuery, among: Array(ids))
            }
            if let ids = changedMessages, let fresh, !data.logWindowPartial,
                let merged = LogWindow.merge(data.messages, changed: ids, fresh: fresh, limit: Self.messageWindow)
            {
                data.messages = merged
            } else {
                let limit =
                    firstPageOnly ? min(Self.messageWindow, Self.firstPage(height: state.height)) : Self.messageWindow
                data.messages = try store.messages(matching: state.logQuery, limit: limit).reversed()
                data.logWindowPartial = firstPageOnly && data.messages.count == limit && limit < Self.messageWindow
            }
            data.hiddenMessage = try state.selection.message.flatMap { id throws(StoreError) in
                data.messages.contains { $0.message.id == id } ? nil : try store.message(id)
            }
            data.pendingAcknowledgements = try store.pendingAcknowledgementCount(
                for: state.agency, limit: DeskData.pendingCountCap)
        }
        var exercise = state.exercise
        if refresh.contains(.agencies) {
            data.agencies = try store.agencies().map(\.code)
            exercise = try store.isExercise()
            data.site = try store.site()
        }
        if !refresh.isDisjoint(with: [.messages, .agencies]) {
            // The flash messages this agency owes: among the newest rows of the unfiltered log, or
            // of the log filtered to what awaits us (`u`), read already — when those rows hold the
            // newest few owed, or every message there is; else along the pending index. Never from
            // a first page alone: an owed flash past it would leave the banner.
            let readAlready =
                !data.logWindowPartial
                && (state.logQuery == MessageQuery()
                    || state.logQuery == MessageQuery(awaitingAcknowledgementBy: state.agency))
            let found =
                readAlready
                ? Array(
                    data.messages.reversed().filter {
                        $0.message.priority == .flash
                            && $0.awaitingAcknowledgement(from: data.agencies).contains(state.agency)
                    }.prefix(DeskData.alertWindow))
                : []
            data.flashAwaiting =
                readAlready && (found.count == DeskData.alertWindow || data.messages.count < Self.messageWindow)
                ? found
                : try store.messages(
                    matching: MessageQuery(minimumPriority: .flash, awaitingAcknowledgementBy: state.agency),
                    limit: DeskData.alertWindow)
        }
        if refresh.contains(.risks) { data.risks = try store.risks(band: nil) }
        if !refresh.isDisjoint(with: [.risks, .detail, .incidents]) {
            var produced: [RecordID: [IncidentRecord]] = [:]
            if let cell = state.openRiskCell {
                for risk in data.risks
                where risk.entry.likelihood == cell.likelihood && risk.entry.impact == cell.impact {
                    produced[risk.id] = try store.incidents(producedBy: risk, limit: 20)
                }
            }
            data.riskIncidents = produced
        }
        if refresh.contains(.coordination) {
            data.gapDays = try store.setting(.gapDays)
            var rules = state.coverageRules
            rules.gapDays = data.gapDays
            if let records = changedRecords {
                data.coverage = try coverage(
                    data.coverage, touchedBy: records, filter: state.coverageFilter, rules: rules)
            } else {
                data.coverage = try coverage(state.coverageFilter, rules: rules)
            }
        }
        // The map's counts: read whole when first shown, then only the areas changes touch.
        if refresh.contains(.map), state.board == .map || data.areaTallies != nil {
            data.areaTallies = try areaTallies(
                data.areaTallies, changedIncidents: plan.changedIncidents, unitsChanged: refresh.contains(.units))
        }
        if refresh.contains(.exercise) {
            data.exerciseRun = try store.exerciseRun()
            data.stopMessage = try stopMessage(data.exerciseRun)
        }
        if refresh.contains(.performance), state.board == .performance {
            (data.performance, data.performancePeriod) = try performance(now: state.now)
        }
        if !refresh.isDisjoint(with: [.detail, .coordination]) {
            data.coverageDetail = try state.openCell.flatMap { key throws(StoreError) in try coverageDetail(key) }
        }
        if refresh.contains(.detail) {
            data.detail = try state.detailReference.flatMap { reference throws(StoreError) in try detail(reference) }
            data.message = try state.openMessage.flatMap { id throws(StoreError) in try store.message(id) }
            data.unitDetail = try state.openUnit.flatMap { callSign throws(StoreError) in try unitDetail(callSign) }
        }
        state.loaded(data, exercise: exercise, refresh: refresh)
    }

    /// The map's counts: whole when there are none yet or `changedIncidents` is nil; else those
    /// of the areas the changed incidents lie in (an incident never moves), and the units' when
    /// they changed (counted whole: a register holds thousands, not millions).
    public func areaTallies(
        _ current: AreaTallies?, changedIncidents: Set<IncidentReference>?, unitsChanged: Bool = true
    ) throws(StoreError) -> AreaTallies {
        guard var tallies = current, let changed = changedIncidents else {
            return AreaTallies(
                openIncidents: try store.openIncidentCounts(in: nil), unitsCommitted: try store.committedUnitCounts())
        }
        let areas = try store.areas(of: Array(changed))
        tallies.replaceIncidents(in: areas, with: try store.openIncidentCounts(in: areas))
        if unitsChanged { tallies.replaceUnits(with: try store.committedUnitCounts()) }
        return tallies
    }

    /// A unit whole: its assignments, newest first, and every event about it.
    public func unitDetail(_ callSign: CallSign) throws(StoreError) -> UnitDetail? {
        guard let unit = try store.unit(callSign) else { return nil }
        let events = try store.events(aboutUnit: callSign, since: Timestamp(millisecondsSinceEpoch: 0))
        var incidents: [IncidentReference] = []
        for event in events {
            if case .assignment(_, let link) = event.payload, !incidents.contains(link.incident) {
                incidents.append(link.incident)
            }
        }
        var assignments: [Assignment] = []
        for incident in incidents { assignments += try store.assignments(of: incident).filter { $0.unit == callSign } }
        return UnitDetail(
            unit: unit, assignments: assignments.sorted { $0.taskedAt > $1.taskedAt },
            history: events.map {
                TimelineEntry(at: $0.at, agency: $0.agency, officer: $0.officer, kind: .event($0.payload))
            })
    }

    /// The message that carried the stop phrase, once play stopped for it.
    public func stopMessage(_ run: ExerciseRun?) throws(StoreError) -> MessageRecord? {
        try run?.stopped?.message.flatMap { id throws(StoreError) in try store.message(id) }
    }

    /// Response times of the last twelve weeks against the store's targets (the performance board's).
    public func performance(now: Timestamp) throws(StoreError) -> ([MetricFigures], PerformancePeriod) {
        let period = PerformancePeriod.lastWeeks(before: now)
        return (
            ResponsePerformance.figures(
                try store.responseSamples(period), targets: try store.responseTargets(), period: period, now: now),
            period
        )
    }

    /// The coverage board's cells, as the filter keeps them.
    public func coverage(_ filter: CoverageFilter, rules: CoverageRules) throws(StoreError) -> [CoverageCell] {
        try keeping(try store.coverage(matching: filter.query, rules: rules), filter)
    }

    /// The cells the filter's kind of organisation keeps.
    private func keeping(_ cells: [CoverageCell], _ filter: CoverageFilter) throws(StoreError) -> [CoverageCell] {
        guard filter.kind != nil else { return cells }
        let kinds = Dictionary(
            try store.organisations(kind: nil).map { ($0.code, $0.agency.kind) }, uniquingKeysWith: { a, _ in a })
        return filter.keeping(cells, kinds: kinds)
    }

    /// `cells` with the cells that `records` (needs, activities, pledges) lie in read again.
    public func coverage(
        _ cells: [CoverageCell], touchedBy records: Set<Subject>, filter: CoverageFilter,
        rules: CoverageRules
    ) throws(StoreError) -> [CoverageCell] {
        var touched: Set<CoverageCell.Key> = []
        for record in records {
            switch record {
            case .need(let id): if let need = try store.need(id) { touched.insert(need.cell) }
            case .activity(let id): if let activity = try store.activity(id) { touched.insert(activity.cell) }
            case .pledge(let id):
                if let pledge = try store.pledge(id), let need = try store.need(pledge.made.need) {
                    touched.insert(need.cell)
                }
            default: continue
            }
        }
        let wanted = filter.query
        var byKey = Dictionary(cells.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for key in touched
        where (wanted.areas?.contains(key.area) ?? true) && (wanted.sector.map { $0 == key.sector } ?? true) {
            let there = try store.coverage(
                matching: CoordinationQuery(areas: [key.area], sector: key.sector), rules: rules)
            byKey[key] = try keeping(there, filter).first
        }
        return byKey.values.sorted { $0.key < $1.key }
    }

    /// A cell's records and the organisations there, with their focal points.
    public func coverageDetail(_ key: CoverageCell.Key) throws(StoreError) -> CoverageDetail {
        let picture = try store.coordinationPicture(matching: CoordinationQuery(areas: [key.area], sector: key.sector))
        let present = Set(
            picture.activities.flatMap {
                [$0.registration.organisation] + ($0.registration.implementer.map { [$0] } ?? [])
            }
        )
        .union(picture.pledges.map(\.made.organisation)).union(picture.needs.map(\.report.organisation))
        var organisations: [Organisation] = []
        for code in present.sorted() {
            if let organisation = try store.organisation(code) { organisations.append(organisation) }
        }
        return CoverageDetail(
            key: key, needs: picture.needs, activities: picture.activities, pledges: picture.pledges,
            organisations: organisations)
    }

    public func detail(_ reference: IncidentReference) throws(StoreError) -> IncidentDetail? {
        guard let record = try store.incident(reference) else { return nil }
        let events = try store.events(about: reference).map { event in
            TimelineEntry(at: event.at, agency: event.agency, officer: event.officer, kind: .event(event.payload))
        }
        let messages = try store.messages(about: reference, limit: 200).map { record in
            TimelineEntry(
                at: record.message.postedAt, agency: record.message.agency, officer: record.message.officer,
                kind: .message(record.message))
        }
        return IncidentDetail(
            record: record, assignments: try store.assignments(of: reference),
            timeline: (events + messages).sorted { $0.at < $1.at })
    }
}
