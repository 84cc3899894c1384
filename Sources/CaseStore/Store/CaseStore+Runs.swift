// Storing analysis runs. The store does not run the engine (CaseStore sits below Detection): the
// caller verifies custody, analyses the file, and hands the report here, which stores it whole
// with its findings in one transaction.
import Evidence
import Foundation
import GRDB

extension CaseStore {
    /// Stores a finished analysis of `evidence`. `custody` is the status checked before the run.
    @discardableResult
    public func recordRun(evidence: EvidenceRecord, report: Report, startedAt: Date, finishedAt: Date = Date(),
                          custody: CustodyStatus, actor: String) throws -> AnalysisRunRecord {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reportJSON = String(decoding: try enc.encode(report), as: UTF8.self)
        let optionsJSON = String(decoding: try enc.encode(report.engine.options), as: UTF8.self)
        return try write { db in
            let c = try CaseRecord.fetchOne(db, key: evidence.caseId)!
            var run = AnalysisRunRecord(evidenceId: evidence.id!, engineVersion: report.engine.version, fusionVersion: report.engine.fusion,
                                        optionsJSON: optionsJSON, startedAt: startedAt, finishedAt: finishedAt, custody: custody.word,
                                        verdictLabel: report.verdict.label.rawValue, verdictScore: report.verdict.score,
                                        reportJSON: reportJSON, ranBy: actor)
            try run.insert(db)
            for f in report.findings + report.branches.flatMap(\.findings) {
                var r = FindingRecord(runId: run.id!, finding: f)
                try r.insert(db)
            }
            let score = report.verdict.score.map { String(format: "%.3f", $0) } ?? "none"
            try Self.audit(db, actor: actor, action: "analysis-stored", case: c, evidence: evidence,
                           detail: "run \(run.id!): \(report.verdict.label.rawValue) score \(score), engine \(report.engine.version), \(report.engine.fusion), custody \(custody.word)")
            return run
        }
    }

    /// Runs of an evidence file, oldest first.
    public func runs(evidenceId: Int64) throws -> [AnalysisRunRecord] {
        try read { db in try AnalysisRunRecord.filter(sql: "evidence_id = ?", arguments: [evidenceId]).order(sql: "id").fetchAll(db) }
    }

    /// The most recent run of an evidence file.
    public func latestRun(evidenceId: Int64) throws -> AnalysisRunRecord? {
        try read { db in try AnalysisRunRecord.filter(sql: "evidence_id = ?", arguments: [evidenceId]).order(sql: "id DESC").fetchOne(db) }
    }

    /// Findings of a run, most severe first.
    public func findings(runId: Int64) throws -> [FindingRecord] {
        try read { db in try FindingRecord.filter(sql: "run_id = ?", arguments: [runId]).order(sql: "id").fetchAll(db) }
    }
}
