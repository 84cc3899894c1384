// `deepscan revision FILE [N] [--out F]`: the incremental updates of a PDF. Without N, lists each
// revision with where it ends and the objects it added or replaced; with N, writes the file as it
// was when revision N was saved (the bytes up to that revision's %%EOF), which any PDF reader opens.
import ArgumentParser
import Foundation
import Media

struct RevisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision",
        abstract: "List a PDF's revisions, or extract an earlier revision as its own file.")

    @Argument(help: "The PDF.") var file: String
    @Argument(help: "Revision to extract (1 is the original).") var number: Int?
    @Option(help: "Where to write the extracted revision (default: <name>.rev<N>.pdf beside the file).") var out: String?

    func run() throws {
        do {
            try EvidenceFile.preflight(file)
            let s = try PDFStructure.scan(path: file)
            guard let n = number else {
                Output.write("\(file.terminalSafe): \(s.revisions.count) revision\(s.revisions.count == 1 ? "" : "s")\n")
                for (i, r) in s.revisions.enumerated() {
                    var line = "  \(i + 1)  bytes \(r.startOffset)-\(r.endOffset)"
                    if i > 0 {
                        let added = s.addedObjects(revision: i + 1), replaced = s.replacedObjects(revision: i + 1)
                        if !added.isEmpty { line += "  added \(added.prefix(20).map(String.init).joined(separator: ","))\(added.count > 20 ? "…" : "")" }
                        if !replaced.isEmpty { line += "  replaced \(replaced.prefix(20).map(String.init).joined(separator: ","))\(replaced.count > 20 ? "…" : "")" }
                    }
                    Output.write(line + "\n")
                }
                return
            }
            let data = try PDFStructure.revisionData(file, revision: n)
            let target = out ?? ((file as NSString).deletingPathExtension + ".rev\(n).pdf")
            guard target != file else { throw ValidationError("--out must differ from the evidence file; evidence is never overwritten") }
            guard !FileManager.default.fileExists(atPath: target) else { throw ValidationError("\(target) exists; choose another --out") }
            try data.write(to: URL(fileURLWithPath: target))
            Output.write("wrote revision \(n) of \(s.revisions.count) (\(data.count) bytes) to \(target)\n")
        } catch let e as MediaError {
            Output.error("\(e)")
            throw ExitCode(1)
        }
    }
}
