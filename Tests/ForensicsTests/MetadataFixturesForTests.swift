// Edited copies of the real samples for the metadata tests: each test copies a sample into its
// own scratch folder and edits it with exiftool (or jpegtran), as an analyst's suspect would.
// (Named *Tests.swift to sit with the suites it serves.)
import Foundation
import Media
import Evidence
import TestSupport

enum MetadataFixtures {
    struct ToolError: Error, CustomStringConvertible { let description: String }

    /// Runs a tool from PATH; throws with its stderr when it fails.
    static func run(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ToolError(description: "\(tool) \(args.joined(separator: " ")): \(String(decoding: errData, as: UTF8.self))")
        }
    }

    /// A fresh scratch folder for one test.
    static func scratch() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-meta-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// A copy of `sample` edited with `exiftool -overwrite_original <arguments>`.
    static func exiftool(_ sample: String, _ arguments: [String]) throws -> String {
        let out = try scratch().appendingPathComponent(sample).path
        try FileManager.default.copyItem(atPath: Samples.path(sample), toPath: out)
        try run("exiftool", ["-q", "-overwrite_original"] + arguments + [out])
        return out
    }

    /// The summary of `path`, as the engine reads it.
    static func summary(_ path: String) throws -> MediaSummary { try MediaInspector.summarize(path) }

    /// A fixed "now" after every sample date, so date checks do not depend on the clock.
    static let now = Date(timeIntervalSince1970: 1_900_000_000)   // 2030-03-17
}
