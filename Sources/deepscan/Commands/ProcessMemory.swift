// This process's resident memory as the kernel counts it, from /proc/self/status: the resident
// set now (VmRSS) and its peak (VmHWM, the high-water mark), in KiB. Writing 5 to
// /proc/self/clear_refs resets the peak to the current resident size (Linux 4.0 and later), so a
// benchmark can measure the peak of one phase alone.
import Foundation

struct ProcessMemory {
    var rssKB: Int
    var peakKB: Int

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// VmRSS and VmHWM of this process.
    static func read() throws -> ProcessMemory {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            throw Unavailable(description: "cannot read /proc/self/status: resident memory is measured on Linux only")
        }
        func field(_ name: String) -> Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
        guard let rss = field("VmRSS"), let hwm = field("VmHWM") else {
            throw Unavailable(description: "/proc/self/status has no VmRSS / VmHWM lines")
        }
        return ProcessMemory(rssKB: rss, peakKB: hwm)
    }

    /// Resets VmHWM to the current resident size.
    static func resetPeak() throws {
        guard let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else {
            throw Unavailable(description: "cannot open /proc/self/clear_refs to reset the peak resident size")
        }
        defer { try? h.close() }
        try h.write(contentsOf: Data("5".utf8))
    }
}
