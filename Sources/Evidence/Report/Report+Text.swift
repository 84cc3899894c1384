// Plain-text rendering of a report, as `deepscan scan` prints it: the verdict, then one row per
// branch (status, score, weight, time, the first finding or the reason), then notable findings.
import Foundation

extension Report {
    /// Compact multi-line table.
    public func text(width: Int = 100) -> String {
        var out = "\(file.path.terminalSafe)  [\(file.media.rawValue)/\(file.format)]  sha256 \(file.sha256.prefix(16))…\n"
        let score = verdict.score.map { String(format: "%.3f", $0) } ?? "—"
        out += "  verdict  \(verdict.label.rawValue.uppercased())  score \(score)  (threshold \(String(format: "%.2f", verdict.threshold)), inconclusive \(String(format: "%.2f–%.2f", verdict.band.lowerBound, verdict.band.upperBound)), \(verdict.method))\n"
        out += "  \(verdict.explanation.terminalSafe)\n"
        out += "  branch       status          score  weight     ms  evidence\n"
        for b in branches {
            let s = b.score.map { String(format: "%5.3f", $0) } ?? "    —"
            let w = b.weight > 0 ? String(format: "%6.2f", b.weight) : "     —"
            let note = (b.status == .ok ? b.findings.max(by: { $0.severity < $1.severity })?.message : b.reason) ?? ""
            let line = "  \(b.id.padding(toLength: 11, withPad: " ", startingAt: 0))  \(b.status.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))  \(s)  \(w)  \(String(format: "%5.0f", b.durationMs))  \(note.terminalSafe)"
            out += line.truncated(width) + "\n"
        }
        let notable = (findings + branches.flatMap(\.findings)).filter { $0.severity >= .warning }
        if !notable.isEmpty {
            out += "  findings\n"
            for f in notable { out += "    [\(f.severity.rawValue)] \(f.source): \(f.message.terminalSafe)\n" }
        }
        out += String(format: "  time %.0f ms (decode %.0f ms)\n", timing.totalMs, timing.decodeMs)
        return out
    }
}
