import QanatCore

/// Whether the wall can trust what it shows.
public enum WallHealth: Equatable, Sendable {
    case live
    /// The store could not be read: the figures are the last ones read.
    case unreadable(reason: String)
}

/// The whole state of a wall display. It never writes; keys only quit it (or nothing, locked).
public struct WallState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    public var digits: DigitStyle = .western
    public var bidi: BidiMode = .app
    /// The time shown, to the minute: an idle wall then redraws once a minute, not every second.
    public var now: Timestamp
    public var figures = WallFigures()
    /// The windows the rotating boards show.
    public var boards = DeskData()
    public var board: Board = .incidents
    /// Seconds each board stays up.
    public var rotationSeconds: Int
    public var nextRotation: Timestamp
    /// When the wall last saw the store change (or started watching it).
    public var lastChange: Timestamp
    /// Seconds without a change after which the wall warns that its data may be stale.
    public var staleAfterSeconds: Int
    public var health: WallHealth = .live
    public var exercise = false
    /// Locked: no key quits (the control room's screen is not a keyboard's).
    public var locked = false

    public init(
        width: Int, height: Int, language: Language, now: Timestamp, rotationSeconds: Int = 15,
        staleAfterSeconds: Int = 600
    ) {
        self.width = width
        self.height = height
        self.language = language
        self.now = now
        self.rotationSeconds = max(1, rotationSeconds)
        self.staleAfterSeconds = max(1, staleAfterSeconds)
        nextRotation = now.adding(seconds: Int64(self.rotationSeconds))
        lastChange = now
    }

    public var localizer: Localizer { Localizer(language, digits: digits) }

    public var textLayout: TextLayout {
        TextLayout(mirrored: bidi == .app && language.isRightToLeft, reordered: bidi == .app)
    }

    /// When the data last moved: the store's newest event, else when the wall started watching.
    public var lastActivity: Timestamp { figures.lastEventAt ?? lastChange }

    /// Seconds since the store's newest event, when that is past the threshold.
    public var staleSeconds: Int? {
        let quiet = Int((now.millisecondsSinceEpoch - lastActivity.millisecondsSinceEpoch) / 1000)
        return quiet > staleAfterSeconds ? quiet : nil
    }

    /// The clock moved on: what the wall shows moves with it only when something on it turns
    /// over (`nextTimedChange`), so an idle wall redraws about once a minute; the next board
    /// comes when this one's time is up.
    public mutating func tick(_ time: Timestamp) {
        guard time >= nextTimedChange else { return }
        now = time
        guard time >= nextRotation else { return }
        let boards = Board.allCases
        board = boards[((boards.firstIndex(of: board) ?? 0) + 1) % boards.count]
        nextRotation = time.adding(seconds: Int64(rotationSeconds))
    }

    /// True when the key quits the wall: `q`, unless locked, or the terminal hanging up. Every
    /// other key does nothing.
    public mutating func handle(_ key: KeyPress) -> Bool {
        if key == .hangup { return true }
        if case .resize(let newWidth, let newHeight) = key {
            (width, height) = (newWidth, newHeight)
            return false
        }
        return key == .character("q") && !locked
    }
}
