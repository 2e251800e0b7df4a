/// A pledge's course: pledged → delivering → delivered, or withdrawn before it is delivered.
/// It only moves forward; the first of delivered or withdrawn stays.
public enum PledgeStatus: String, NamedValue, Comparable {
    case pledged, delivering, delivered, withdrawn

    /// Its quantity counts as coverage of the need.
    public var covers: Bool { self == .delivering || self == .delivered }

    private var rank: Int { self == .pledged ? 0 : self == .delivering ? 1 : 2 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    public var next: [PledgeStatus] {
        switch self {
        case .pledged: [.delivering, .delivered, .withdrawn]
        case .delivering: [.delivered, .withdrawn]
        case .delivered, .withdrawn: []
        }
    }
}

/// An organisation's promise to cover part of one need, in that need's unit.
public struct PledgeMade: Equatable, Sendable {
    public var id: RecordID
    public var need: RecordID
    public var organisation: AgencyCode
    public var quantity: Int
    public var by: CalendarDate?

    public init(id: RecordID, need: RecordID, organisation: AgencyCode, quantity: Int, by: CalendarDate? = nil) {
        self.id = id
        self.need = need
        self.organisation = organisation
        self.quantity = quantity
        self.by = by
    }
}

public struct PledgeChange: Equatable, Sendable {
    public var id: RecordID
    public var status: PledgeStatus
    public var quantity: Int?

    public init(id: RecordID, status: PledgeStatus, quantity: Int? = nil) {
        self.id = id
        self.status = status
        self.quantity = quantity
    }
}

public struct Pledge: Equatable, Sendable {
    public var made: PledgeMade
    public var status: PledgeStatus
    public var madeAt: Timestamp

    public init(made: PledgeMade, status: PledgeStatus = .pledged, madeAt: Timestamp) {
        self.made = made
        self.status = status
        self.madeAt = madeAt
    }

    public var id: RecordID { made.id }
}
