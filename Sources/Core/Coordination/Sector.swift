/// The humanitarian sectors (clusters) that coordination counts work and needs in.
public enum Sector: String, NamedValue, Comparable {
    case shelter, food, wash, health, nfi, protection, education, logistics, earlyRecovery

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Sector, b: Sector) -> Bool { a.rank < b.rank }
}

/// Needs, activities and pledges are named by a UUID, made when they are first recorded (or
/// carried in from another system's file), like events.
public typealias RecordID = EventID
