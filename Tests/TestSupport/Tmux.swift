// Driving the real `deepscan` program in tmux, as an analyst would in a terminal:
// `tmux new-session -d -x W -y H`, `send-keys`, `capture-pane -p`.
import Foundation

/// A detached tmux session running one command; killed on release.
public final class TmuxSession: @unchecked Sendable {
    public let name: String
    private let socket: String

    /// Starts `command` (argv) in a new detached session of `width`×`height` cells.
    /// `term` picks the terminfo (tmux-256color by default; tmux-direct for truecolor).
    public init(_ command: [String], width: Int = 160, height: Int = 50, term: String = "tmux-256color", env: [String: String] = [:]) throws {
        name = "ds-\(UUID().uuidString.prefix(8))"
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(name)").path
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let envs = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // Keep the pane open after the program exits so the final screen and status can be read.
        let shell = "\(envs) TERM=\(term) \(quoted); echo \"[exit $?]\"; sleep 30"
        let r = try Tool.run("tmux", ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", shell])
        guard r.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(r.stderr)") }
        _ = try? Tool.run("tmux", ["-S", socket, "set-option", "-t", name, "default-terminal", term])
    }

    deinit { _ = try? Tool.run("tmux", ["-S", socket, "kill-server"]); try? FileManager.default.removeItem(atPath: socket) }

    /// Sends tmux key names (`Right`, `q`, `C-c`, `Enter`) or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        _ = try Tool.run("tmux", ["-S", socket, "send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text lines.
    public func capture() throws -> String {
        try Tool.run("tmux", ["-S", socket, "capture-pane", "-p", "-t", name]).stdout
    }

    /// Resizes the window.
    public func resize(width: Int, height: Int) throws {
        _ = try Tool.run("tmux", ["-S", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    public func waitFor(timeout: TimeInterval = 20, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !predicate(screen) && Date() < deadline {
            usleep(100_000)
            screen = try capture()
        }
        return screen
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }
}

public struct TmuxError: Error, CustomStringConvertible { public var message: String; public var description: String { message } }
