// The one list of classical analyses the forensic branch runs, with their weights in the branch
// score. Every front end (branch, benchmark, workbench) reads this list; adding an analysis is
// adding its line here.

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
}
