// A finding of an analysis run, copied out of the report into its own table so that a case can be
// searched by finding code or severity without decoding every report. Row of `finding`.
import Evidence
import Foundation
import GRDB

/// One finding of one run.
public struct FindingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "finding"

    public var id: Int64?
    public var runId: Int64
    public var code: String
    public var severity: Severity
    /// `media`, `engine`, an analysis id or a branch id.
    public var source: String
    public var message: String
    public var location: String?

    public init(id: Int64? = nil, runId: Int64, finding f: Finding) {
        self.id = id; self.runId = runId; code = f.code; severity = f.severity; source = f.source
        message = f.message; location = f.location
    }

    public var finding: Finding { Finding(code: code, severity: severity, message: message, source: source, location: location) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey { case id, runId = "run_id", code, severity, source, message, location }
}
