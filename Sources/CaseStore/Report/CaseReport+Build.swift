// Assembling a case report from the store. Custody is verified here, at export time, so a report
// never presents results for a file without saying whether that file is still the one analysed.
import Foundation

extension CaseReport {
    /// Builds the report of `caseName`, verifying every evidence file's hash.
    public static func build(store: CaseStore, caseName: String, generator: String, now: Date = Date()) throws -> CaseReport {
        let c = try store.findCase(caseName)
        let notes = try store.notes(caseId: c.id!)
        let iso = ISO8601DateFormatter()
        func note(_ n: NoteRecord) -> NoteEntry { NoteEntry(text: n.text, author: n.author, at: iso.string(from: n.createdAt)) }

        var entries: [EvidenceEntry] = []
        for e in try store.evidence(caseId: c.id!) {
            let check = store.verify(e)
            let runs = try store.runs(evidenceId: e.id!)
            let latest = try runs.last.map { r in
                RunEntry(startedAt: iso.string(from: r.startedAt), finishedAt: iso.string(from: r.finishedAt),
                         engineVersion: r.engineVersion, fusionVersion: r.fusionVersion, custodyAtRun: r.custody,
                         ranBy: r.ranBy, report: try r.report())
            }
            let bookmarks = try store.bookmarks(evidenceId: e.id!).map {
                BookmarkEntry(place: $0.place, note: $0.note, author: $0.author, at: iso.string(from: $0.createdAt))
            }
            var detail = check.status.sentence
            if let copy = check.copy { detail += "; case copy \(copy.sentence)" }
            entries.append(EvidenceEntry(
                path: e.path, sha256: e.sha256, bytes: e.bytes, media: e.media, format: e.format,
                intakeAt: iso.string(from: e.intakeAt), addedBy: e.addedBy, copy: e.objectPath,
                custody: check.status.word, custodyDetail: detail, tags: try store.tags(evidenceId: e.id!),
                notes: notes.filter { $0.evidenceId == e.id }.map(note), bookmarks: bookmarks,
                runs: runs.count, analysis: latest))
        }
        return CaseReport(generatedAt: iso.string(from: now), generator: generator,
                          caseInfo: CaseInfo(name: c.name, description: c.description, examiner: c.examiner,
                                             createdAt: iso.string(from: c.createdAt)),
                          evidence: entries, notes: notes.filter { $0.evidenceId == nil }.map(note))
    }
}
