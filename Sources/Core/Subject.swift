/// The thing an event is about. A projection row is a fold of the events of its subject, so
/// applying the same set of events in any order gives the same rows.
public enum Subject: Hashable, Sendable {
    case agency(AgencyCode)
    case incident(IncidentReference)
    case unit(CallSign)
    case message(EventID)
    case member(MemberKey)
    /// An officer's shifts, by their name as signed on (folded to lower case).
    case officer(String)
    case need(RecordID)
    case activity(RecordID)
    case pledge(RecordID)
    case setting(StoreSetting)
    case risk(RecordID)
    case target(ResponseMetric)
    /// A report written to a file, by the SHA-256 of its bytes: proving a copy is an index read.
    case report(sha256: String)
    /// The exercise played on an exercise store: its start, injects and control, folded together.
    case exercise

    /// An officer's shifts, however the name was typed.
    public static func officer(named name: String) -> Subject { .officer(name.trimmingSpaces().lowercased()) }

    /// The key stored beside each event: `incident:INC-2026-0001`, `unit:CD-01`, ...
    public var key: String {
        switch self {
        case .agency(let code): "agency:" + code.rawValue
        case .incident(let reference): "incident:" + reference.rawValue
        case .unit(let callSign): "unit:" + callSign.rawValue
        case .message(let id): "message:" + id.rawValue
        case .member(let key): "member:" + key.folded.description
        case .officer(let name): "officer:" + name
        case .need(let id): "need:" + id.rawValue
        case .activity(let id): "activity:" + id.rawValue
        case .pledge(let id): "pledge:" + id.rawValue
        case .setting(let setting): "setting:" + setting.rawValue
        case .risk(let id): "risk:" + id.rawValue
        case .target(let metric): "target:" + metric.rawValue
        case .report(let digest): "report:" + digest
        case .exercise: "exercise:run"
        }
    }
}

extension Event {
    /// Every subject whose projection this event changes; the first is its primary subject.
    public var subjects: [Subject] {
        switch payload {
        case .agencyRegistered(let agency): [.agency(agency.code)]
        case .incidentOpened(let opening): [.incident(opening.reference)]
        case .incidentUpdated(let update): [.incident(update.reference)]
        case .incidentStatusChanged(let change): [.incident(change.reference)]
        case .unitRegistered(let registration): [.unit(registration.callSign)]
        case .unitStatusChanged(let change): [.unit(change.callSign)]
        case .assignment(_, let link): [.incident(link.incident), .unit(link.unit)]
        case .messagePosted: [.message(id)]
        case .messageAcknowledged(let ack): [.message(ack.message)]
        case .memberAdded(let member): [.member(member.key.folded)]
        case .memberRemoved(let key): [.member(key.folded)]
        case .shift: [.officer(named: officer)]
        case .organisationRegistered(let organisation): [.agency(organisation.code)]
        case .organisationUpdated(let change): [.agency(change.code)]
        case .needReported(let report): [.need(report.id)]
        case .needUpdated(let change): [.need(change.id)]
        case .activityRegistered(let registration): [.activity(registration.id)]
        case .activityUpdated(let change): [.activity(change.id)]
        case .pledgeMade(let made): [.pledge(made.id)]
        case .pledgeUpdated(let change): [.pledge(change.id)]
        case .settingChanged(let change): [.setting(change.setting)]
        case .riskRegistered(let entry): [.risk(entry.id)]
        case .riskUpdated(let change): [.risk(change.id)]
        case .riskReviewed(let review): [.risk(review.risk)]
        case .targetSet(let target): [.target(target.metric)]
        case .reportWritten(let record): [.report(sha256: record.sha256)]
        case .exerciseStarted, .exerciseInject, .exerciseControl: [.exercise]
        }
    }
}
