// The workbench working inside a case (`deepscan open --case NAME`): the case's evidence in the
// browser, tags, notes and bookmarks written to the case database (with its audit log), each
// finished analysis of a case file stored as a run, and `e` exporting the case report (HTML).
import CaseStore
import Evidence
import Foundation

/// A case the workbench writes to. UI thread only.
public final class CaseLink {
    public let store: CaseStore
    public let caseName: String
    public let actor: String

    /// Opens `caseName` in `store`; throws a `CaseStoreError` (unknown case, damaged database).
    public init(store: CaseStore, caseName: String, actor: String = CaseStore.systemUser) throws {
        self.store = store; self.caseName = caseName; self.actor = actor
        _ = try store.findCase(caseName)
    }

    /// The case's evidence files (paths as recorded at intake).
    public func evidencePaths() -> [String] {
        guard let c = try? store.findCase(caseName), let id = c.id, let e = try? store.evidence(caseId: id) else { return [] }
        return e.map(\.path)
    }

    /// The evidence record for `path`, if the file is in the case.
    func evidence(_ path: String) -> EvidenceRecord? { try? store.findEvidence(caseName: caseName, file: path).1 }

    /// Adds `path` to the case (hashed at intake).
    public func add(_ path: String) throws { _ = try store.addEvidence(caseName: caseName, file: path, actor: actor) }

    public func tag(_ path: String, _ tag: String) throws { try store.tag(caseName: caseName, file: path, tag: tag, actor: actor) }
    public func note(_ path: String, _ text: String) throws { _ = try store.addNote(caseName: caseName, file: path, text: text, actor: actor) }
    public func bookmark(_ path: String, frame: Int?, time: Double?, page: Int?, branch: String?, note: String) throws {
        try store.addBookmark(caseName: caseName, file: path, frame: frame, time: time, page: page, branch: branch, note: note, actor: actor)
    }

    /// Stores a finished analysis of a case file as a run; false when the file is not in the case.
    @discardableResult
    public func record(_ report: Report, path: String, startedAt: Date) throws -> Bool {
        guard let e = evidence(path) else { return false }
        let check = store.verify(e)
        _ = try store.recordRun(evidence: e, report: report, startedAt: startedAt, custody: check.status, actor: actor)
        return true
    }

    /// Writes the case report as self-contained HTML to `url`.
    public func exportHTML(to url: URL) throws {
        let report = try CaseReport.build(store: store, caseName: caseName, generator: "deepscan workbench")
        let dir = FileManager.default.fileExists(atPath: "templates/report.html") ? URL(fileURLWithPath: "templates") : nil
        try Data(try HTMLReportRenderer(templates: dir).render(report).utf8).write(to: url, options: .atomic)
    }
}
