// Analysing case evidence: verify custody, run the detection engine on the file (or on the case's
// intact copy when the original changed or went missing), check the engine read the intake bytes,
// and store the run. Shared by `case add --analyse` and `case analyse`.
import ArgumentParser
import CaseStore
import Detection
import Evidence
import Foundation

/// Engine options for case analyses, as on `deepscan scan`.
struct CaseAnalysisOptions: ParsableArguments {
    @Option(help: "Video frames to sample: a number spread over the video, or 'all'.") var frames: String = "8"
    @Option(help: "Fusion parameters file.") var fusion: String = "models/fusion.json"
    @OptionGroup var media: MediaOptionGroup

    func validate() throws {
        if frames != "all", Int(frames).map({ $0 < 1 }) ?? true { throw ValidationError("--frames takes a positive number or 'all'") }
    }

    var engineOptions: EngineOptions {
        var o = EngineOptions()
        o.media = media.options
        o.sampling = frames == "all" ? .all : .spread(Int(frames)!)
        return o
    }
}

/// Verifies and analyses evidence, storing each run.
struct CaseAnalyser {
    let store: CaseStore
    let engine: DetectionEngine
    let options: EngineOptions
    let actor: String

    /// Analyses one evidence file. Returns a line for the user; throws `CaseStoreError` when custody
    /// is broken and no intact copy exists (nothing is stored then).
    func analyse(_ evidence: EvidenceRecord) throws -> String {
        let check = store.verify(evidence)
        guard let path = check.analysablePath(objectsBase: store.objectsBase) else {
            switch check.status {
            case .changed(let old, let new): throw CaseStoreError.evidenceChanged(path: evidence.path, intake: old, now: new)
            default: throw CaseStoreError.evidenceMissing(path: evidence.path)
            }
        }
        let started = Date()
        let analysis = try engine.analyze(path, options: options)
        var custody = check.status
        if analysis.report.file.sha256 != evidence.sha256 {
            // Changed between the check and the engine's own read.
            custody = .changed(intake: evidence.sha256, now: analysis.report.file.sha256)
        }
        try store.recordRun(evidence: evidence, report: analysis.report, startedAt: started, custody: custody, actor: actor)
        let v = analysis.report.verdict
        var line = "\(evidence.fileName.terminalSafe)  \(v.label.rawValue.uppercased())" + (v.score.map { String(format: " %.3f", $0) } ?? "")
        if path != evidence.path { line += "  (original \(check.status.sentence); analysed the intact copy kept in the case)" }
        if !custody.isIntact && path == evidence.path { line += "  WARNING: \(custody.sentence)" }
        return line
    }
}
