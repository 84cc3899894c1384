// `deepscan revision`: listing a PDF's revisions and extracting the original from an edited file.
import Foundation
import Testing
import TestSupport

@Suite struct RevisionCommandTests {
    @Test func listsAndExtractsTheOriginal() throws {
        let tmp = TempDir()
        let list = try CLI.run(["revision", Samples.path("ltnews18-edited.pdf")])
        #expect(list.status == 0)
        #expect(list.stdout.contains("2 revisions") && list.stdout.contains("replaced 28"))
        let out = tmp.path("original.pdf")
        let r = try CLI.run(["revision", Samples.path("ltnews18-edited.pdf"), "1", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf"))))
    }

    @Test func refusesBadRequests() throws {
        let tmp = TempDir()
        let r = try CLI.run(["revision", Samples.path("ltnews18-edited.pdf"), "3", "--out", tmp.path("x.pdf")])
        #expect(r.status != 0 && r.stderr.contains("no revision 3"))
        let existing = tmp.write("exists.pdf", [1])
        let e = try CLI.run(["revision", Samples.path("ltnews18-edited.pdf"), "1", "--out", existing])
        #expect(e.status != 0 && e.stderr.contains("exists"))
    }
}
