// Fusion as an analyst sees it: the verdict follows the branches that answered, the middle of the
// scale is called inconclusive, silent branches do not count, and a fitted calibration helps.
import Evidence
import Testing
import TestSupport
@testable import Detection

@Suite struct FusionTests {
    func ok(_ id: String, _ s: Double) -> BranchResult { BranchResult(id: id, status: .ok, score: s) }

    @Test func weightedMeanAndLabels() {
        let cfg = FusionConfig.builtIn
        let (v, weighted) = Fusion.fuse([ok("forensic", 0.9), ok("pdf", 0.95), .notApplicable("audio", "no audio track")], kind: .pdf, config: cfg)
        #expect(v.label == .fake)
        #expect(abs(v.score! - 0.925) < 1e-9)
        #expect(weighted.first { $0.id == "audio" }?.weight == 0)
        #expect(v.explanation.contains("Did not take part: audio"))
        #expect(v.contributions["pdf"]! > 0)
    }

    @Test func middleScoresAreInconclusive() {
        let (v, _) = Fusion.fuse([ok("forensic", 0.55), ok("metadata", 0.45)], kind: .image, config: .builtIn)
        #expect(v.label == .inconclusive)
        let (r, _) = Fusion.fuse([ok("forensic", 0.1), ok("metadata", 0.1)], kind: .image, config: .builtIn)
        #expect(r.label == .real)
        // Classical heuristics alone never decide an image (weight 0.5 < minimum 1).
        let (alone, _) = Fusion.fuse([ok("forensic", 0.95)], kind: .image, config: .builtIn)
        #expect(alone.label == .inconclusive && alone.score == 0.95)
    }

    @Test func noAnsweringBranchGivesNoScore() {
        let (v, _) = Fusion.fuse([.notApplicable("spatial", "no face found"), .failed("forensic", "decoder error")], kind: .image, config: .builtIn)
        #expect(v.score == nil)
        #expect(v.label == .inconclusive)
        #expect(v.explanation.contains("no face found"))
    }

    @Test func nonFiniteScoresTakeNoPart() {
        let (v, _) = Fusion.fuse([ok("forensic", .nan), ok("metadata", 0.2)], kind: .image, config: .builtIn)
        #expect(v.score == 0.2)
    }

    @Test func thresholdOverrideMovesTheBand() {
        let (v, _) = Fusion.fuse([ok("forensic", 0.8)], kind: .image, config: .builtIn, threshold: 0.9)
        #expect(v.threshold == 0.9)
        #expect(abs(v.band.lowerBound - 0.75) < 1e-9)
        #expect(v.label == .inconclusive)
    }

    @Test func stackingUsesFittedCoefficients() {
        // Validation rows where only `forensic` is informative.
        var rows: [[String: Double]] = [], labels: [Int] = []
        for i in 0..<200 {
            let y = i % 2
            let f = y == 1 ? 0.6 + 0.3 * Double(i % 7) / 7 : 0.1 + 0.3 * Double(i % 5) / 5
            rows.append(["forensic": f, "metadata": 0.3 + 0.4 * Double(i % 3) / 3]); labels.append(y)
        }
        let st = Stacking.fit(rows: rows, labels: labels)
        #expect(st.coefficients["forensic"]! > 1)
        #expect(abs(st.coefficients["metadata"]!) < abs(st.coefficients["forensic"]!) / 3)
        var cfg = FusionConfig.builtIn
        cfg.kinds["image"]!.stacking = st
        let (fake, _) = Fusion.fuse([ok("forensic", 0.85), ok("metadata", 0.5)], kind: .image, config: cfg)
        let (real, _) = Fusion.fuse([ok("forensic", 0.15), ok("metadata", 0.5)], kind: .image, config: cfg)
        #expect(fake.label == .fake && real.label == .real)
        #expect(fake.method.hasPrefix("stacking"))
    }

    @Test func plattCalibrationReducesCalibrationError() {
        // An over-confident scorer: true probability is milder than its score says.
        var scores: [Double] = [], labels: [Int] = []
        var state: UInt64 = 42
        func rnd() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        for _ in 0..<4000 {
            let s = rnd()
            let truth = 0.3 + 0.4 * s
            scores.append(s); labels.append(rnd() < truth ? 1 : 0)
        }
        let before = Calibration.expectedCalibrationError(probabilities: scores, labels: labels)
        let cal = Calibration.fitPlatt(scores: scores, labels: labels)
        let after = Calibration.expectedCalibrationError(probabilities: scores.map(cal.apply), labels: labels)
        #expect(after < before / 2)
        let iso = Calibration.fitIsotonic(scores: scores, labels: labels)
        let isoECE = Calibration.expectedCalibrationError(probabilities: scores.map(iso.apply), labels: labels)
        #expect(isoECE < before / 2)
        if case .isotonic(_, let ys) = iso { #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 <= $1 }) }
    }

    @Test func shippedFusionFileLoads() throws {
        let cfg = try FusionConfig.load(Samples.root.appendingPathComponent("models/fusion.json"))
        #expect(cfg.kinds.count == 4)
    }
}

@Suite struct FusionCoverageTests {
    @Test func weakEvidenceAloneIsInconclusive() {
        let (v, _) = Fusion.fuse([BranchResult(id: "metadata", status: .ok, score: 0.05)], kind: .video, config: .builtIn)
        #expect(v.label == .inconclusive)
        #expect(v.score == 0.05)
        #expect(v.explanation.contains("not enough evidence"))
        let (w, _) = Fusion.fuse([BranchResult(id: "metadata", status: .ok, score: 0.05), BranchResult(id: "forensic", status: .ok, score: 0.1)], kind: .image, config: .builtIn)
        #expect(w.label == .real)
    }
}
