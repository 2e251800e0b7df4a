import QanatCore

extension DeskState {
    /// When the screen would next show something else with nothing else happening: the status
    /// bar's clock at the next minute, or sooner where an age or an incident's in-status timer
    /// turns over (a fresh incident's age counts seconds). The loop sleeps until then, so an idle
    /// desk wakes about once a minute.
    public var nextTimedChange: Timestamp {
        var next = Timestamp(millisecondsSinceEpoch: (now.millisecondsSinceEpoch / 60_000 + 1) * 60_000)
        func shown(since start: Timestamp) { next = min(next, IncidentTimers.nextCompactChange(since: start, now: now)) }
        for record in data.incidents {
            shown(since: record.incident.openedAt)
            shown(since: record.incident.statusChangedAt)
            if let level = IncidentTimers.nextLevelChange(record.incident, after: now) { next = min(next, level) }
        }
        for record in data.units { shown(since: record.unit.statusChangedAt) }
        if let detail = data.detail { shown(since: detail.record.incident.openedAt) }
        return next
    }
}
