// The workbench working inside a case (`deepscan open --case NAME`): the case's evidence in the
// browser, tags, notes and bookmarks written to the case database (with its audit log), each
// finished analysis of a case file stored as a run, and `e` exporting the case report (HTML,
// Markdown, JSON or PDF, picked by the extension of the path the analyst gives).
import CaseExport
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

    /// Stores a finished analysis of a case file as a run, with the custody of the file checked
    /// against its intake hash (or against the bytes the engine read, when they differ); returns
    /// that custody status, or nil when the file is not in the case.
    @discardableResult
    public func record(_ report: Report, path: String, startedAt: Date) throws -> CustodyStatus? {
        guard let e = evidence(path) else { return nil }
        var custody = store.verify(e).status
        if custody.isIntact, report.file.sha256 != e.sha256 { custody = .changed(intake: e.sha256, now: report.file.sha256) }
        _ = try store.recordRun(evidence: e, report: report, startedAt: startedAt, custody: custody, actor: actor)
        return custody
    }

    /// Writes the case report to `url` in the format its extension names (`.html`, `.md`, `.json`,
    /// `.pdf`), through the same renderer as `deepscan report`; returns the format written. Throws
    /// a `CaseStoreError` that names the path: unknown extension, format not available, or the
    /// file cannot be written (no such folder, no permission).
    @discardableResult
    public func exportReport(to url: URL) throws -> CaseReportFormat {
        guard let format = CaseReportFormat(pathExtension: url.pathExtension) else { throw CaseStoreError.unknownReportFormat(path: url.path) }
        // Foundation's own message for these ("The file doesn't exist.") does not say which part
        // of the path is wrong; checked before the (slow) figures are made.
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CaseStoreError.io(path: url.path, detail: "cannot write the case report: there is no folder \(folder)")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CaseStoreError.io(path: url.path, detail: "cannot write the case report: the folder \(folder) is not writable")
        }
        let report = try CaseReport.build(store: store, caseName: caseName, generator: "deepscan workbench")
        do {
            try CaseReportExporter(templates: CaseReportExporter.defaultTemplates).write(report, format: format, to: url)
        } catch let error as ExportError {
            throw CaseStoreError.io(path: url.path, detail: error.description)
        }
        return format
    }

    /// Where the export prompt proposes to write: `<folder>/<case name>.report.html`, with any
    /// slash in the case name made a dash so the name stays one file.
    public func defaultReportPath(in folder: String) -> String {
        let name = caseName.replacingOccurrences(of: "/", with: "-")
        return URL(fileURLWithPath: folder).appendingPathComponent("\(name).report.html").path
    }
}
