// How background work reaches the UI without blocking it: any thread posts a message, the app's
// loop drains the mailbox between keys and hands each message to the screens. The loop waits for
// keys with a short timeout, so a posted result shows within one tick.
import Foundation

/// A thread-safe queue of messages for the app loop.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [any Sendable] = []
    private var redraw = false

    public init() {}

    /// Queues `message` for the screens (top of the stack first). Callable from any thread.
    public func post(_ message: any Sendable) {
        lock.lock(); messages.append(message); lock.unlock()
    }

    /// Asks for a redraw on the next tick (after changing state a screen reads). Any thread.
    public func requestRedraw() {
        lock.lock(); redraw = true; lock.unlock()
    }

    /// Takes every queued message and whether a redraw was requested.
    func drain() -> (messages: [any Sendable], redraw: Bool) {
        lock.lock(); defer { lock.unlock() }
        let out = (messages, redraw)
        messages.removeAll(keepingCapacity: true)
        redraw = false
        return out
    }
}
