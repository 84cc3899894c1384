// One case analysed once for all report tests: the three real samples plus the two hostile
// variants of the photo, each run through the real detection engine and stored as runs. Built on
// first use (the engine takes a few seconds on the video) and shared.
@testable import CaseStore
import Detection
import Evidence
import Foundation
import TestSupport

/// A case database with analysed samples.
final class AnalysedCase: @unchecked Sendable {
    static let shared: Result<AnalysedCase, Error> = Result { try AnalysedCase() }
    static func get() throws -> AnalysedCase { try shared.get() }

    let fixture: StoreFixture
    let name = "Samples"
    /// Engine reports by evidence path.
    var reports: [String: Report] = [:]
    let paths: [String]

    private init() throws {
        fixture = try StoreFixture()
        let f = fixture
        let hostileName = try f.sample("photo-exif.jpg", as: HostileSamples.scriptName)
        let ansi = try HostileSamples.ansiPhoto(in: f.tmp)
        paths = [try f.sample("photo-exif.jpg"), try f.sample("ltnews18-edited.pdf"), try f.sample("webcam-face.avi"), ansi]
        try f.store.createCase(name: name, description: "Samples \"quoted\" & <b>bold</b>", examiner: "ann")
        let engine = try DetectionEngine()
        for p in paths {
            let e = try f.store.addEvidence(caseName: name, file: p, actor: "ann")
            let started = Date()
            let report = try engine.analyze(p).report
            try f.store.recordRun(evidence: e, report: report, startedAt: started, custody: f.store.verify(e).status, actor: "ann")
            reports[e.path] = report
        }
        // Same bytes as photo-exif.jpg: refused as a duplicate, so it goes into its own case.
        try f.store.createCase(name: "Hostile")
        let h = try f.store.addEvidence(caseName: "Hostile", file: hostileName, actor: "ann")
        try f.store.recordRun(evidence: h, report: try engine.analyze(hostileName).report, startedAt: Date(), custody: .unchanged, actor: "ann")
        try f.store.addNote(caseName: "Hostile", file: hostileName, text: "note with \u{1B}]0;owned\u{07}title and <img src=x onerror=alert(2)>", actor: "ann")
        try f.store.addBookmark(caseName: name, file: "webcam-face.avi", frame: 12, time: 0.48, branch: "spatial", note: "mouth edge", actor: "ann")
        try f.store.tag(caseName: name, file: "ltnews18-edited.pdf", tag: "suspicious", actor: "ann")
    }

    func report(_ caseName: String? = nil) throws -> CaseReport {
        try CaseReport.build(store: fixture.store, caseName: caseName ?? name, generator: "deepscan test")
    }
}
