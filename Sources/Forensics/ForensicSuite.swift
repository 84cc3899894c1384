// The one list of classical analyses the forensic branch runs, with their weights in the branch
// score. Every front end (branch, benchmark, workbench) reads this list; adding an analysis is
// adding its line here. `run` executes a suite with the analyses spread over the cores.
import Dispatch
import Foundation

/// The analyses run on an image, in report order, and how much each counts in the branch score.
public enum ForensicSuite {
    /// An analysis and its weight (0 for analyst views, which have no score).
    public struct Entry: Sendable {
        public var analysis: any ForensicAnalysis
        /// How far the branch trusts a high score from this analysis (0...1). Copy-move and the
        /// thumbnail are specific (a match or a mismatch is hard to get by chance); ELA, noise and
        /// resampling fire on legitimate processing too, so they count less.
        public var weight: Double
        public init(_ analysis: any ForensicAnalysis, weight: Double) { self.analysis = analysis; self.weight = weight }
    }

    /// The default suite with default parameters.
    public static let standard: [Entry] = [
        Entry(ErrorLevelAnalysis(), weight: 0.6),
        Entry(NoiseResidualAnalysis(), weight: 0.5),
        Entry(DoubleQuantisationAnalysis(), weight: 0.6),
        Entry(JPEGGhostAnalysis(), weight: 0.4),
        Entry(CopyMoveAnalysis(), weight: 0.8),
        Entry(ResamplingAnalysis(), weight: 0.3),
        Entry(ThumbnailConsistency(), weight: 0.8),
        Entry(GradientView(), weight: 0),
        Entry(ChannelPCAView(), weight: 0),
    ]

    /// Combines analysis scores into one, as a weighted noisy-OR: 1 - prod(1 - w_i s_i). One
    /// strong, specific signal is enough to raise it; several weak ones add up slowly; analyses
    /// without a score do not take part. 0 when none scored.
    public static func combine(_ scored: [(score: Double, weight: Double)]) -> Double {
        var keep = 1.0
        for (s, w) in scored where s.isFinite { keep *= 1 - min(max(w, 0), 1) * min(max(s, 0), 1) }
        return 1 - keep
    }

    /// Runs every analysis of `entries` on `input`, concurrently (analyses are independent and pure),
    /// and returns their results in suite order. `checkCancelled` is called before each analysis;
    /// the first error thrown (by an analysis or by it) is rethrown.
    public static func run(_ entries: [Entry] = standard, on input: ForensicInput,
                           checkCancelled: @Sendable () throws -> Void = {}) throws -> [AnalysisResult] {
        let slots = ResultSlots(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            slots.set(i, Result { try checkCancelled(); return try entries[i].analysis.analyze(input) })
        }
        return try slots.values.map { try $0.get() }
    }
}

/// Results written by concurrent analyses, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<AnalysisResult, Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<AnalysisResult, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
    var values: [Result<AnalysisResult, Error>] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
