// Driving the real `deepscan` program in tmux, as an analyst would in a terminal:
// `tmux new-session -d -x W -y H`, `send-keys`, `capture-pane -p`.
import Foundation

/// A detached tmux session running one command; killed on release.
public final class TmuxSession: @unchecked Sendable {
    public let name: String
    private let socket: String
    private var serverPID: pid_t?

    /// Starts `command` (argv) in a new detached session of `width`×`height` cells.
    /// `term` picks the terminfo (tmux-256color by default; tmux-direct for truecolor).
    public init(_ command: [String], width: Int = 160, height: Int = 50, term: String = "tmux-256color", env: [String: String] = [:]) throws {
        name = "ds-\(UUID().uuidString.prefix(8))"
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(name)").path
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let envs = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // Keep the pane open after the program exits so the final screen and status can be read.
        let shell = "\(envs) TERM=\(term) \(quoted); echo \"[exit $?]\"; sleep 30"
        // Not through Foundation's Process: the tmux server forks from this client and inherits
        // the descriptors Process uses to see the client exit, so waiting would last as long as
        // the server. Spawned through a shell that closes every descriptor above stderr instead.
        let status = try Self.spawnAndWait(["tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                            "-x", "\(width)", "-y", "\(height)", "sh", "-c", shell])
        guard status == 0 else { throw TmuxError(message: "tmux new-session failed with status \(status)") }
        _ = try? Tool.run("tmux", ["-S", socket, "set-option", "-t", name, "default-terminal", term])
        serverPID = (try? Tool.run("tmux", ["-S", socket, "display-message", "-p", "#{pid}"]))
            .flatMap { pid_t($0.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    deinit {
        _ = try? Self.spawnAndWait(["tmux", "-S", socket, "kill-server"])
        // The server is ours, and it can take seconds to exit after kill-server: give it a
        // moment, then make sure it is gone.
        if let pid = serverPID {
            for _ in 0..<20 where kill(pid, 0) == 0 { usleep(25_000) }
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Runs `argv` (looked up on PATH) with stdio on /dev/null and no other inherited
    /// descriptors (glibc's closefrom action is not visible to Swift, so bash closes them: dash cannot name fds above 9);
    /// returns its exit status.
    static func spawnAndWait(_ command: [String]) throws -> Int32 {
        let closeAll = #"for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done; exec "$@""#
        let argv = ["/bin/bash", "-c", closeAll, "bash"] + command
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else { throw TmuxError(message: "cannot start \(command[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TmuxError(message: "waitpid: \(String(cString: strerror(errno)))") }
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Sends tmux key names (`Right`, `q`, `C-c`, `Enter`) or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        _ = try Tool.run("tmux", ["-S", socket, "send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text lines.
    public func capture() throws -> String {
        try Tool.run("tmux", ["-S", socket, "capture-pane", "-p", "-t", name]).stdout
    }

    /// The visible screen with colour escapes (`capture-pane -e`): what the pixels of a picture
    /// look like to a test. `rows` limits it to a range of screen rows.
    public func captureEscapes(rows: ClosedRange<Int>? = nil) throws -> String {
        var args = ["-S", socket, "capture-pane", "-p", "-e", "-t", name]
        if let rows { args += ["-S", "\(rows.lowerBound)", "-E", "\(rows.upperBound)"] }
        return try Tool.run("tmux", args).stdout
    }

    /// True while the program in the pane has the alternate screen on (curses mode).
    public func alternateScreenOn() throws -> Bool {
        try Tool.run("tmux", ["-S", socket, "display-message", "-p", "-t", name, "#{alternate_on}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
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
