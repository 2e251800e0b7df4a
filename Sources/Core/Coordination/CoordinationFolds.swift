/// Folds of the coordination's subjects. As `Fold`'s, each orders its events by (time, id)
/// first: the same events in any order give the same record.
extension Fold {
    /// An organisation from its agency's registrations and the coordination's changes, over the
    /// seed it started from when it is one of the store's first agencies.
    public static func organisation(_ events: [Event], seed: Agency? = nil) -> Organisation? {
        var organisation = seed.map { Organisation(agency: $0) }
        for event in ordered(events) {
            switch event.payload {
            case .agencyRegistered(let agency):
                if organisation == nil {
                    organisation = Organisation(agency: agency)
                } else {
                    organisation?.agency = agency
                }
            case .organisationRegistered(let registered):
                organisation = registered
            case .organisationUpdated(let change):
                if var changed = organisation {
                    change.applied(to: &changed)
                    organisation = changed
                }
            default:
                continue
            }
        }
        return organisation
    }

    /// A need from its report and later changes (status, quantity and people are last-writer-wins:
    /// a need may be reopened when more is found to be needed).
    public static func need(_ events: [Event]) -> Need? {
        let events = ordered(events)
        guard let reported = events.first(where: { $0.type == .needReported }),
            case .needReported(let report) = reported.payload
        else { return nil }
        var need = Need(report: report, reportedAt: reported.at)
        for event in events {
            guard case .needUpdated(let change) = event.payload else { continue }
            if let status = change.status { need.status = status }
            if let quantity = change.quantity { need.report.quantity = quantity }
            if let people = change.people { need.report.people = people }
            need.updatedAt = max(need.updatedAt, event.at)
        }
        return need
    }

    /// An activity from its registration and changes. Its status only moves forward: the
    /// furthest stage reached stays, and of finished and cancelled the first written.
    public static func activity(_ events: [Event]) -> Activity? {
        let events = ordered(events)
        guard let registered = events.first(where: { $0.type == .activityRegistered }),
            case .activityRegistered(let registration) = registered.payload
        else { return nil }
        var activity = Activity(registration: registration, registeredAt: registered.at)
        for event in events {
            guard case .activityUpdated(let change) = event.payload else { continue }
            if let status = change.status, status > activity.registration.status {
                activity.registration.status = status
            }
            if let reached = change.reached { activity.reached = reached }
            if let start = change.start { activity.registration.start = start }
            if let end = change.end { activity.registration.end = end }
        }
        return activity
    }

    /// A pledge from its making and changes; its status only moves forward, as an activity's.
    public static func pledge(_ events: [Event]) -> Pledge? {
        let events = ordered(events)
        guard let madeEvent = events.first(where: { $0.type == .pledgeMade }),
            case .pledgeMade(let made) = madeEvent.payload
        else { return nil }
        var pledge = Pledge(made: made, madeAt: madeEvent.at)
        for event in events {
            guard case .pledgeUpdated(let change) = event.payload else { continue }
            if change.status > pledge.status { pledge.status = change.status }
            if let quantity = change.quantity { pledge.made.quantity = quantity }
        }
        return pledge
    }

    /// A setting's latest value; nil when none was ever set.
    public static func setting(_ events: [Event]) -> SettingChange? {
        latest(events) { payload in
            if case .settingChanged(let change) = payload { return change }
            return nil
        }
    }

    /// A response target's latest value; nil when none was ever set.
    public static func target(_ events: [Event]) -> ResponseTarget? {
        latest(events) { payload in
            if case .targetSet(let target) = payload { return target }
            return nil
        }
    }

    /// Last writer wins: the latest event's value, by time then id.
    static func latest<Value>(_ events: [Event], _ value: (EventPayload) -> Value?) -> Value? {
        for event in ordered(events).reversed() { if let found = value(event.payload) { return found } }
        return nil
    }
}
