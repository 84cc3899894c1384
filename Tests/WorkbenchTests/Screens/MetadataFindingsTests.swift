// Findings next to the fields they concern: the metadata screen colours the fields a finding names
// and opens the tree down to them.
import Evidence
import Testing
import TestSupport
@testable import Workbench

@Suite struct MetadataFindingsTests {
    @Test func fieldsNamedByFindingsAreMarked() {
        let software = TreeNode("Software", value: "GIMP 2.8.18")
        let make = TreeNode("Make", value: "Canon")
        let ifd0 = TreeNode("IFD0", children: [software, make])
        let exif = TreeNode("exif", children: [ifd0])
        let finding = Finding(code: "metadata-editor-software", severity: .warning, message: "saved by GIMP", source: "metadata", location: "EXIF Software")
        let n = MetadataScreen.markFindings([exif], findings: [finding])
        #expect(n == 1)
        #expect(software.role == .warning && make.role == nil)
        #expect(exif.isExpanded && ifd0.isExpanded)
    }

    @Test func theEditedPDFsInfoFieldsAreMarkedOnScreen() throws {
        let h = try WorkbenchHarness(open: "ltnews18-edited.pdf")
        try h.press(.char("m"))
        #expect(h.screen.contains("named by findings"))
    }
}
