/// A setting every desk and report of a store shares, changed by a supervisor as an event (so
/// it is journalled, and the same after a rebuild).
public enum StoreSetting: String, NamedValue {
    /// Days after which an open need still not covered is a gap.
    case gapDays

    public var defaultValue: Int {
        switch self {
        case .gapDays: CoverageRules.defaultGapDays
        }
    }

    public var range: ClosedRange<Int> {
        switch self {
        case .gapDays: 1...365
        }
    }
}

public struct SettingChange: Equatable, Sendable {
    public var setting: StoreSetting
    public var value: Int

    public init(setting: StoreSetting, value: Int) {
        self.setting = setting
        self.value = value
    }
}
