/// Watches the frames the console loop draws (the loop benchmark implements it). Called on the
/// loop's thread right after each frame is handed to the terminal: keep it cheap.
public protocol FrameObserver: Sendable {
    func frameDrawn(_ report: FrameReport)
}

/// What one drawn frame showed for the first time.
public struct FrameReport: Sendable {
    /// When building the frame began (after the wait for its frame slot, ``ConsoleLoop/frameInterval``).
    public let startedAt: ContinuousClock.Instant
    /// When the frame was handed to the terminal thread.
    public let postedAt: ContinuousClock.Instant
    /// The status events this frame is the first to show.
    public let events: [Event]

    /// One status event on its way to the screen.
    public struct Event: Sendable {
        /// When it arrived from the status stream (before it was stored).
        public let receivedAt: ContinuousClock.Instant
        /// When the loop applied it to the state.
        public let appliedAt: ContinuousClock.Instant
    }
}
