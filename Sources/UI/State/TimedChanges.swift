import QanatCore

/// When a screen next shows something else with nothing else happening: its clock's next
/// minute, or sooner where an age or an incident's in-status timer turns over (a fresh
/// incident's age counts seconds). Loops sleep until then, so an idle desk or wall wakes about
/// once a minute.
enum TimedChanges {
    static func next(
        after now: Timestamp, incidents: [IncidentRecord], units: [UnitRecord], since starts: [Timestamp] = []
    ) -> Timestamp {
        var next = Timestamp(millisecondsSinceEpoch: (now.millisecondsSinceEpoch / 60_000 + 1) * 60_000)
        func shown(since start: Timestamp) {
            next = min(next, IncidentTimers.nextCompactChange(since: start, now: now))
        }
        for record in incidents {
            shown(since: record.incident.openedAt)
            shown(since: record.incident.statusChangedAt)
            if let level = IncidentTimers.nextLevelChange(record.incident, after: now) { next = min(next, level) }
        }
        for record in units { shown(since: record.unit.statusChangedAt) }
        starts.forEach(shown)
        return next
    }
}

extension DeskState {
    /// When the desk's screen next turns over by itself (`TimedChanges`).
    public var nextTimedChange: Timestamp {
        TimedChanges.next(
            after: now, incidents: data.incidents, units: data.units,
            since: data.detail.map { [$0.record.incident.openedAt] } ?? [])
    }
}

extension WallState {
    /// When the wall's screen next turns over by itself: an age or a timer on its boards, the
    /// staleness banner (when it appears, then its count), or the next board's turn.
    public var nextTimedChange: Timestamp {
        let onBoards = TimedChanges.next(
            after: now, incidents: boards.incidents, units: boards.units,
            since: staleSeconds == nil ? [] : [lastActivity])
        let goesStale = lastActivity.adding(seconds: Int64(staleAfterSeconds) + 1)
        return min(nextRotation, onBoards, goesStale > now ? goesStale : onBoards)
    }
}
