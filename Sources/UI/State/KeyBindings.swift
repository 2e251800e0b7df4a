import QanatCore

/// What a key binding does on the desk; `DeskState.perform` carries each out.
public enum DeskAction: Equatable, Sendable {
    case help, quit, handover, openAlert, search, palette, language
    case postMessage, openIncident, changeStatus, assignOrAcknowledge, reply
    case registerUnit, editUnit, reviewRisk
    case filterIncidents, sortIncidents, groupUnits, filterLog, awaitingUs, filterCoverage, registerActivity,
        reportNeed, makePledge
    /// Left (-1) or right (+1) on the screen: the coverage board's sectors.
    case moveColumn(Int)
    case board(Board)
    /// Tab and Shift-Tab: into or out of an open detail, else the next or previous board.
    case nextPane(Int)
    case move(Int)
    case movePage(Int)
    case first, last
    case details, back
    /// The controller's, on an exercise store: pause or resume play, skip the next inject, add one.
    case exercisePlay, exerciseSkip, exerciseInject
    /// In a focused detail pane.
    case scrollLine(Int)
    case scrollPage(Int)
    case scrollTop, scrollEnd
    /// On the map: to the nearest place that way (never mirrored: east is east), into the selected
    /// district and back, and which layer it shows.
    case moveOnMap(MapDirection)
    case zoomIn, zoomOut
    case mapLayer(MapLayer)
}

/// Where a binding applies: on every board, on some, or in a focused detail pane (which the
/// incidents board and the log open), where it comes before the board's own.
public enum KeyScope: Equatable, Sendable {
    case everyBoard
    case boards([Board])
    case detail
    /// Every board of an exercise store; elsewhere neither shown nor run.
    case exercise

    func applies(on board: Board) -> Bool {
        switch self {
        case .everyBoard, .exercise: true
        case .boards(let boards): boards.contains(board)
        case .detail: board != .performance
        }
    }
}

/// One line of the help: the keys as shown, what they do, where, and the action each key runs.
public struct KeyBinding: Sendable {
    public let label: String
    public let text: UIText
    public let scope: KeyScope
    public let keys: [(key: KeyPress, action: DeskAction)]
    /// Acts on a selected place (a row, an open detail): the palette, which runs from anywhere, leaves it out.
    public let actsOnPlace: Bool

    init(
        _ label: String, _ text: UIText, _ scope: KeyScope = .everyBoard, actsOnPlace: Bool = false,
        keys: [(key: KeyPress, action: DeskAction)]
    ) {
        self.label = label
        self.text = text
        self.scope = scope
        self.keys = keys
        self.actsOnPlace = actsOnPlace
    }

    init(
        _ label: String, _ text: UIText, _ scope: KeyScope = .everyBoard, actsOnPlace: Bool = false, key: Character,
        _ action: DeskAction
    ) {
        self.init(label, text, scope, actsOnPlace: actsOnPlace, keys: [(.character(key), action)])
    }

    /// The action the palette runs for this binding: the first key's.
    public var action: DeskAction { keys[0].action }
}

/// Every binding of the desk, in one table that dispatch (`DeskState.handle`), the help (`?`)
/// and the palette (`:`) all read, so that they cannot disagree. Typing in a form or a picker,
/// and the help's own paging, are modes of their own, not bindings.
public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding("?", .keyHelp, key: "?", .help),
        KeyBinding("q", .keyQuit, key: "q", .quit),
        KeyBinding(
            "F2 1", .incidents, keys: [(.function(2), .board(.incidents)), (.character("1"), .board(.incidents))]),
        KeyBinding("F3 2", .units, keys: [(.function(3), .board(.units)), (.character("2"), .board(.units))]),
        KeyBinding("F4 3", .log, keys: [(.function(4), .board(.log)), (.character("3"), .board(.log))]),
        KeyBinding("F5 4", .coverage, keys: [(.function(5), .board(.coverage)), (.character("4"), .board(.coverage))]),
        KeyBinding("F6 5", .riskBoard, keys: [(.function(6), .board(.risks)), (.character("5"), .board(.risks))]),
        KeyBinding(
            "F7 6", .performanceBoard,
            keys: [(.function(7), .board(.performance)), (.character("6"), .board(.performance))]),
        KeyBinding(
            "F8 7", .map(.board), keys: [(.function(8), .board(.map)), (.character("7"), .board(.map))]),
        KeyBinding(
            "↑ ↓ j k PgUp PgDn", .keyMove, .boards(listBoards), actsOnPlace: true,
            keys: [
                (.up, .move(-1)), (.character("k"), .move(-1)), (.down, .move(1)), (.character("j"), .move(1)),
                (.pageUp, .movePage(-1)), (.pageDown, .movePage(1)),
            ]),
        KeyBinding(
            "Home End G", .keyFirstLast, .boards(listBoards), actsOnPlace: true,
            keys: [(.home, .first), (.end, .last), (.character("G"), .last)]),
        KeyBinding("g", .keyFirstRow, .boards([.incidents, .log, .coverage]), actsOnPlace: true, key: "g", .first),
        KeyBinding(
            "← → h l", .keyMoveSector, .boards([.coverage, .risks]), actsOnPlace: true,
            keys: [
                (.left, .moveColumn(-1)), (.right, .moveColumn(1)), (.character("h"), .moveColumn(-1)),
                (.character("l"), .moveColumn(1)),
            ]),
        KeyBinding(
            "Enter", .keyDetails, .boards([.incidents, .units, .log, .coverage, .risks]), actsOnPlace: true,
            keys: [(.enter, .details)]),
        KeyBinding(
            "↑ ↓ ← → h j k l", .map(.keyMove), .boards([.map]), actsOnPlace: true,
            keys: [
                (.up, .moveOnMap(.north)), (.character("k"), .moveOnMap(.north)), (.down, .moveOnMap(.south)),
                (.character("j"), .moveOnMap(.south)), (.right, .moveOnMap(.east)),
                (.character("l"), .moveOnMap(.east)),
                (.left, .moveOnMap(.west)), (.character("h"), .moveOnMap(.west)),
            ]),
        KeyBinding("Enter", .map(.keyList), .boards([.map]), actsOnPlace: true, keys: [(.enter, .details)]),
        KeyBinding(
            "+ -", .map(.keyZoom), .boards([.map]), actsOnPlace: true,
            keys: [(.character("+"), .zoomIn), (.character("="), .zoomIn), (.character("-"), .zoomOut)]),
        KeyBinding("i", .map(.keyIncidents), .boards([.map]), key: "i", .mapLayer(.incidents)),
        KeyBinding("u", .map(.keyUnits), .boards([.map]), key: "u", .mapLayer(.units)),
        KeyBinding("c", .map(.keyCoverage), .boards([.map]), key: "c", .mapLayer(.coverage)),
        KeyBinding("r", .map(.keyRisks), .boards([.map]), key: "r", .mapLayer(.risks)),
        KeyBinding("Esc", .keyBack, actsOnPlace: true, keys: [(.escape, .back)]),
        KeyBinding(
            "Tab S-Tab", .keyTabDetail, actsOnPlace: true, keys: [(.tab, .nextPane(1)), (.backTab, .nextPane(-1))]),
        KeyBinding(
            "j k PgUp PgDn g G", .keyScroll, .detail, actsOnPlace: true,
            keys: [
                (.up, .scrollLine(-1)), (.character("k"), .scrollLine(-1)), (.down, .scrollLine(1)),
                (.character("j"), .scrollLine(1)),
                (.pageUp, .scrollPage(-1)), (.pageDown, .scrollPage(1)),
                (.home, .scrollTop), (.character("g"), .scrollTop), (.end, .scrollEnd), (.character("G"), .scrollEnd),
            ]),
        KeyBinding("m", .keyPost, key: "m", .postMessage),
        KeyBinding("o", .keyOpen, key: "o", .openIncident),
        KeyBinding("s", .keyStatus, .boards([.incidents, .units]), actsOnPlace: true, key: "s", .changeStatus),
        KeyBinding(
            "a", .keyAssignOrAcknowledge, .boards([.incidents, .log]), actsOnPlace: true, key: "a", .assignOrAcknowledge
        ),
        KeyBinding("r", .keyReply, .boards([.log]), actsOnPlace: true, key: "r", .reply),
        KeyBinding("!", .keyOpenAlert, key: "!", .openAlert),
        KeyBinding("f", .keyFilter, .boards([.incidents]), key: "f", .filterIncidents),
        KeyBinding("S", .keySort, .boards([.incidents]), key: "S", .sortIncidents),
        KeyBinding("g", .keyGroup, .boards([.units]), key: "g", .groupUnits),
        KeyBinding("n", .keyRegisterUnit, .boards([.units]), key: "n", .registerUnit),
        KeyBinding("v", .keyReviewRisk, .boards([.risks]), actsOnPlace: true, key: "v", .reviewRisk),
        KeyBinding("e", .keyEditUnit, .boards([.units]), actsOnPlace: true, key: "e", .editUnit),
        KeyBinding("f", .keyLogFilter, .boards([.log]), key: "f", .filterLog),
        KeyBinding("u", .keyFilterOpen, .boards([.log]), key: "u", .awaitingUs),
        KeyBinding("f", .keyCoverageFilter, .boards([.coverage]), key: "f", .filterCoverage),
        KeyBinding("n", .keyRegisterActivity, .boards([.coverage]), actsOnPlace: true, key: "n", .registerActivity),
        KeyBinding("r", .keyReportNeed, .boards([.coverage]), actsOnPlace: true, key: "r", .reportNeed),
        KeyBinding("p", .keyMakePledge, .boards([.coverage]), actsOnPlace: true, key: "p", .makePledge),
        KeyBinding("L", .keyLanguage, key: "L", .language),
        KeyBinding("/", .keySearch, key: "/", .search),
        KeyBinding(":", .keyPalette, actsOnPlace: true, key: ":", .palette),
        KeyBinding("H", .keyHandover, key: "H", .handover),
        KeyBinding("P", .keyExercisePlay, .exercise, key: "P", .exercisePlay),
        KeyBinding("K", .keyExerciseSkip, .exercise, key: "K", .exerciseSkip),
        KeyBinding("I", .keyExerciseInject, .exercise, key: "I", .exerciseInject),
    ]

    /// The boards of rows, where the arrows move the selection up and down (the map moves its own way).
    static let listBoards = Board.allCases.filter { $0 != .map }

    /// The bindings the help lists on a board.
    public static func shown(on board: Board, exercise: Bool = false) -> [KeyBinding] {
        all.filter { $0.scope.applies(on: board) && (exercise || $0.scope != .exercise) }
    }

    /// What a key does on a board; a focused detail pane's bindings come before the board's.
    public static func action(for key: KeyPress, on board: Board, detailFocused: Bool, exercise: Bool = false)
        -> DeskAction?
    {
        let applying = shown(on: board, exercise: exercise).filter { $0.scope != .detail || detailFocused }
        let ordered = applying.filter { $0.scope == .detail } + applying.filter { $0.scope != .detail }
        return ordered.lazy.compactMap { binding in binding.keys.first { $0.key == key }?.action }.first
    }
}
