/// Where an event loop shows its frames and reads its keys: the terminal (`TerminalScreen`), or a
/// test's fake, so that the desk's and the wall's loops run in a test process.
public protocol Screen: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows the frame; only cells that differ from the last frame need to reach the terminal.
    func draw(_ frame: Frame)
    /// The next key; nil when none came within `timeoutMilliseconds`, or as soon as one of
    /// `descriptors` (the store's change notifications) became readable.
    func readKey(timeoutMilliseconds: Int32, wakingOn descriptors: [Int32]) -> KeyPress?
    func bell()
}
