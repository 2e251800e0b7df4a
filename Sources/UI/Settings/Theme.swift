/// How a style role looks. Colours are the 8 ANSI colours (bright variants where 16+ exist),
/// or the terminal's default; a monochrome theme uses attributes only.
public struct CellStyle: Equatable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// A colour by its terminal index (0–255), and the one of the 8 ANSI colours to use where the
/// terminal has only 8.
public struct ThemeColor: Equatable, Sendable {
    public var index: Int
    public var fallback: Int

    public init(index: Int, fallback: Int) {
        self.index = index
        self.fallback = fallback
    }

    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    public static let black = ThemeColor(index: 0, fallback: 0), red = ThemeColor(index: 1, fallback: 1)
    public static let green = ThemeColor(index: 2, fallback: 2), yellow = ThemeColor(index: 3, fallback: 3)
    public static let blue = ThemeColor(index: 4, fallback: 4), magenta = ThemeColor(index: 5, fallback: 5)
    public static let cyan = ThemeColor(index: 6, fallback: 6), white = ThemeColor(index: 7, fallback: 7)

    /// `red`, `bright-red` (index 9, red on 8 colours).
    public init?(name: String) {
        let bright = name.hasPrefix("bright-")
        guard let base = Self.names.firstIndex(of: bright ? String(name.dropFirst(7)) : name) else { return nil }
        self.init(index: bright ? base + 8 : base, fallback: base)
    }

    /// The index to use on a terminal with `colours` colours.
    public func index(forColours colours: Int) -> Int { index < colours ? index : fallback }
}

public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleRole: CellStyle]

    public init(name: String, styles: [StyleRole: CellStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> CellStyle { styles[role] ?? CellStyle() }

    /// Whether any role uses a colour (a monochrome theme does not).
    public var usesColour: Bool { styles.values.contains { $0.foreground != nil || $0.background != nil } }

    /// Built in, so the desk always starts even with no theme files: dark, and attributes only.
    public static let dark = Theme(
        name: "default",
        styles: [
            .dim: CellStyle(dim: true),
            .header: CellStyle(foreground: .cyan, bold: true, underline: true),
            .tabActive: CellStyle(foreground: .black, background: .cyan, bold: true),
            .tabInactive: CellStyle(foreground: .white, background: .blue),
            .selected: CellStyle(reverse: true),
            .statusBar: CellStyle(foreground: .white, background: .blue),
            .statusLive: CellStyle(foreground: .green, background: .blue, bold: true),
            .statusBusy: CellStyle(foreground: .yellow, background: .blue, bold: true),
            .statusOffline: CellStyle(foreground: .white, background: .red, bold: true),
            .severityMinor: CellStyle(foreground: .green),
            .severityModerate: CellStyle(foreground: .yellow),
            .severitySevere: CellStyle(foreground: .red, bold: true),
            .severityExtreme: CellStyle(foreground: .white, background: .red, bold: true),
            .priorityPriority: CellStyle(foreground: .cyan),
            .priorityImmediate: CellStyle(foreground: .yellow, bold: true),
            .priorityFlash: CellStyle(foreground: .white, background: .red, bold: true),
            .unacknowledged: CellStyle(foreground: .black, background: .yellow, bold: true),
            .timerWarning: CellStyle(foreground: .yellow, bold: true),
            .timerAlarm: CellStyle(foreground: .white, background: .red, bold: true),
            .groupHeader: CellStyle(foreground: .magenta, bold: true),
            .key: CellStyle(foreground: .black, background: .cyan),
            .match: CellStyle(bold: true, underline: true),
            .overlay: CellStyle(foreground: .white, background: .black),
            .error: CellStyle(foreground: .red, bold: true),
            .title: CellStyle(bold: true),
        ])

    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .dim: CellStyle(dim: true),
            .header: CellStyle(bold: true, underline: true),
            .tabActive: CellStyle(bold: true, reverse: true),
            .selected: CellStyle(reverse: true),
            .statusBar: CellStyle(reverse: true),
            .statusLive: CellStyle(bold: true, reverse: true),
            .statusBusy: CellStyle(bold: true, reverse: true, underline: true),
            .statusOffline: CellStyle(bold: true, reverse: true, underline: true),
            .severitySevere: CellStyle(bold: true),
            .severityExtreme: CellStyle(bold: true, reverse: true),
            .priorityImmediate: CellStyle(bold: true),
            .priorityFlash: CellStyle(bold: true, reverse: true),
            .unacknowledged: CellStyle(bold: true, underline: true),
            .timerWarning: CellStyle(bold: true),
            .timerAlarm: CellStyle(bold: true, reverse: true),
            .groupHeader: CellStyle(bold: true),
            .key: CellStyle(reverse: true),
            .match: CellStyle(bold: true, underline: true),
            .error: CellStyle(bold: true),
            .title: CellStyle(bold: true),
        ])
}
