// Chain of custody checks: re-hash an evidence file (and its case copy, if kept) and compare with
// the intake hash. Verification is recorded in the audit log when asked to (`case verify`).
import Foundation
import GRDB
import Media

extension CaseStore {
    /// Re-hashes `evidence` at its intake path and its copy under `objects/`.
    public func verify(_ evidence: EvidenceRecord) -> CustodyCheck {
        let status = Self.status(of: evidence.path, intake: evidence.sha256)
        let copy = evidence.objectPath.map {
            Self.status(of: objectsBase.appendingPathComponent($0).path, intake: evidence.sha256)
        }
        return CustodyCheck(evidence: evidence, status: status, copy: copy)
    }

    /// Verifies every evidence file of a case; with `record`, writes one audit row per file.
    public func verify(caseName: String, record: Bool = false, actor: String = CaseStore.systemUser) throws -> [CustodyCheck] {
        let c = try findCase(caseName)
        let checks = try evidence(caseId: c.id!).map { verify($0) }
        if record {
            try write { db in
                for check in checks {
                    try Self.audit(db, actor: actor, action: "custody-verified", case: c, evidence: check.evidence,
                                   detail: check.status.sentence + (check.copy.map { "; case copy \($0.sentence)" } ?? ""))
                }
            }
        }
        return checks
    }

    /// The folder that object paths (`objects/ab/…`) are relative to: the database's folder.
    public var objectsBase: URL { URL(fileURLWithPath: path).deletingLastPathComponent() }

    static func status(of path: String, intake: String) -> CustodyStatus {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard let now = try? EvidenceFile.sha256(path) else { return .missing }
        return now == intake ? .unchanged : .changed(intake: intake, now: now)
    }
}
