// Running the built `deepscan` executable from tests, as a user would from a shell.
import Foundation

public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum CLI {
    /// The `deepscan` binary next to the test bundle (the same build products folder).
    public static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let p = candidate.appendingPathComponent("deepscan").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return Samples.root.appendingPathComponent(".build/debug/deepscan").path
    }

    /// Runs `deepscan` with `arguments` and returns its exit status and output.
    public static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> CommandResult {
        try Tool.run(binary, arguments, timeout: timeout)
    }
}

/// Written by one reader thread, read after the group wait.
private final class DataBox: @unchecked Sendable { var data = Data() }

public enum Tool {
    /// Runs an executable (looked up on PATH when not absolute) and captures its output.
    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120, stdin: Data? = nil) throws -> CommandResult {
        let p = Process()
        if executable.hasPrefix("/") { p.executableURL = URL(fileURLWithPath: executable) } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env"); p.arguments = [executable]
        }
        p.arguments = (p.arguments ?? []) + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if group.wait(timeout: .now() + timeout) == .timedOut { p.terminate(); group.wait() }
        p.waitUntilExit()
        return CommandResult(status: p.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// True when `name` is on PATH.
    public static func exists(_ name: String) -> Bool {
        (try? run("which", [name]).status) == 0
    }
}

/// A temporary folder removed when the value is released.
public final class TempDir: @unchecked Sendable {
    public let url: URL
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    /// Writes bytes to `name` and returns the path.
    @discardableResult public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = path(name); FileManager.default.createFile(atPath: p, contents: Data(bytes)); return p
    }
    /// Copies a file in under `name` and returns the path; `prefix` keeps only the first bytes.
    @discardableResult public func copy(_ source: String, as name: String, prefix: Int? = nil) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: source))
        if let prefix { data = data.prefix(prefix) }
        let p = path(name); FileManager.default.createFile(atPath: p, contents: data); return p
    }
}

/// Deterministic pseudo-random bytes (SplitMix64), for corrupt-input tests that must not flake.
public func seededBytes(count: Int, seed: UInt64) -> [UInt8] {
    var s = seed
    return (0..<count).map { _ in
        s &+= 0x9E3779B97F4A7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
}
