// One analysis of one evidence file: which engine and fusion versions, with which options, when
// it started and finished, the custody status checked just before, the verdict, and the complete
// `deepscan.report/1` report as JSON (so a later export shows exactly what was concluded then).
// Row of the `analysis_run` table.
import Evidence
import Foundation
import GRDB

/// One stored analysis.
public struct AnalysisRunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "analysis_run"

    public var id: Int64?
    public var evidenceId: Int64
    public var engineVersion: String
    /// Fusion file and version, e.g. `fusion.json@0.1.0-baseline`.
    public var fusionVersion: String
    /// The engine options as a JSON object.
    public var optionsJSON: String
    public var startedAt: Date
    public var finishedAt: Date
    /// Custody status checked before the run: `unchanged`, `changed` or `missing`.
    public var custody: String
    public var verdictLabel: String
    public var verdictScore: Double?
    /// The full report, schema `deepscan.report/1`.
    public var reportJSON: String
    public var ranBy: String

    public init(id: Int64? = nil, evidenceId: Int64, engineVersion: String, fusionVersion: String, optionsJSON: String,
                startedAt: Date, finishedAt: Date, custody: String, verdictLabel: String, verdictScore: Double?,
                reportJSON: String, ranBy: String) {
        self.id = id; self.evidenceId = evidenceId; self.engineVersion = engineVersion; self.fusionVersion = fusionVersion
        self.optionsJSON = optionsJSON; self.startedAt = startedAt; self.finishedAt = finishedAt; self.custody = custody
        self.verdictLabel = verdictLabel; self.verdictScore = verdictScore; self.reportJSON = reportJSON; self.ranBy = ranBy
    }

    /// The stored report decoded.
    public func report() throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(reportJSON.utf8))
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, evidenceId = "evidence_id", engineVersion = "engine_version", fusionVersion = "fusion_version"
        case optionsJSON = "options_json", startedAt = "started_at", finishedAt = "finished_at", custody
        case verdictLabel = "verdict_label", verdictScore = "verdict_score", reportJSON = "report_json", ranBy = "ran_by"
    }
}
