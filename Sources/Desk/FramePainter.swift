import QanatUI

/// Renders only when the state changed, and draws only when the frame did: an idle screen
/// costs a comparison, not a render or a byte to the terminal.
public struct FramePainter<State: Equatable> {
    private var lastState: State?
    private var lastFrame: Frame?

    public init() {}

    public mutating func paint(_ state: State, on screen: any Screen, render: (State) -> Frame) {
        guard state != lastState else { return }
        lastState = state
        let frame = render(state)
        guard frame != lastFrame else { return }
        screen.draw(frame)
        lastFrame = frame
    }
}
