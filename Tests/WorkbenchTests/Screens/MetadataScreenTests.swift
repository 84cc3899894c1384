// The metadata screen (`m`) on a real photo: the tree of container, EXIF and JPEG tables with the
// metadata findings beside it, and `/` search expanding the tree to the matches.
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct MetadataScreenTests {
    @Test func treeAndSearch() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        try h.press(.char("m"))
        #expect(h.app.top is MetadataScreen)
        h.expectSnapshot("metadata-photo")
        #expect(h.screen.contains("DeepScan › /tmp/ds-tui-XXXXXXXX › photo-exif.jpg › metadata"))
        #expect(h.screen.contains("Metadata findings"))
        try h.press(.char("/"))
        #expect(h.screen.contains("Find in metadata"))
        try h.type("model"); try h.press(.enter)
        h.expectSnapshot("metadata-search-model")
        #expect(h.screen.contains("named by findings, coloured · /model"))
        #expect(h.screen.contains("matches for \"model\"") || h.screen.contains("1 match for \"model\""))
        try h.press(.char("/")); try h.type("zzzz-nothing"); try h.press(.enter)
        #expect(h.screen.contains("no key or value contains"))
        try h.press(.escape)
        #expect(h.app.top is EvidenceScreen)
    }
}
