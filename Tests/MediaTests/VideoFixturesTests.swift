// Shared tools of the FFmpeg/audio tests: running ffmpeg and ffprobe (the reference
// implementation), and a scratch directory of variants generated once per test run.
// (Named *Tests.swift to sit with the suites it serves.)
import Foundation
import Testing
import TestSupport

enum Fixtures {
    /// Runs a tool from PATH; returns stdout. Throws with stderr when it fails.
    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw FixtureError(message: "\(tool) \(args.joined(separator: " ")): \(String(decoding: errData, as: UTF8.self))")
        }
        return data
    }

    struct FixtureError: Error, CustomStringConvertible { let message: String; var description: String { message } }

    /// `ffprobe -count_packets -show_streams -show_format` as JSON.
    static func probe(_ path: String) throws -> [String: Any] {
        let data = try run("ffprobe", ["-v", "error", "-count_packets", "-show_streams", "-show_format", "-of", "json", path])
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The first stream of a type in an ffprobe result.
    static func stream(_ probe: [String: Any], _ type: String) -> [String: Any]? {
        (probe["streams"] as? [[String: Any]])?.first { $0["codec_type"] as? String == type }
    }

    /// "num/den" as a Double.
    static func rate(_ s: String) -> Double {
        let p = s.split(separator: "/").compactMap { Double($0) }
        return p.count == 2 && p[1] != 0 ? p[0] / p[1] : 0
    }

    /// The first picture of `path` as ffmpeg itself converts it to packed RGB (alpha dropped).
    /// `swsFlags` picks swscale's method (ffmpeg's default is bicubic without full chroma).
    static func ffmpegRGB(_ path: String, swsFlags: String? = nil) throws -> [UInt8] {
        let flags = swsFlags.map { ["-sws_flags", $0] } ?? []
        return [UInt8](try run("ffmpeg", ["-v", "error", "-i", path, "-frames:v", "1"] + flags + ["-f", "rawvideo", "-pix_fmt", "rgb24", "-"]))
    }

    /// A scratch directory for this test process.
    static let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-media-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    private static let lock = NSLock()

    /// `name` in the scratch directory, made by `ffmpeg -y <args> name` the first time it is asked for.
    static func make(_ name: String, _ args: [String]) throws -> String {
        lock.lock(); defer { lock.unlock() }
        let path = dir.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: path) {
            let tmp = dir.appendingPathComponent("tmp-" + name).path
            try run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y"] + args + [tmp])
            try FileManager.default.moveItem(atPath: tmp, toPath: path)
        }
        return path
    }

    /// `bytes` written to `name` in the scratch directory.
    static func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A 1-second 320x240 25 fps test pattern encoded with `codec` into `name`.
    static func testPattern(_ name: String, _ codecArgs: [String]) throws -> String {
        try make(name, ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "1"] + codecArgs)
    }
}
