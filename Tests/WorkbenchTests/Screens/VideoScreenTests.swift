// The evidence screen on a real video (samples/webcam-face.avi, 68 frames): stepping frames
// changes the counter and the picture, the go-to prompt, the branch pane and its details, and
// the evidence-layer key on a sampled frame (its maps) and between samples (none).
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct VideoScreenTests {
    @Test func stepsFramesAndThePictureChanges() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        h.expectSnapshot("video-frame-1")
        #expect(h.screen.contains("frame 1/68 · 0.000 s · keyframe"))
        let first = h.pictureColors()
        #expect(Set(first).count > 50, "the picture has many colours, not a blank area")
        try h.press(.right)
        #expect(h.screen.contains("frame 2/68"))
        try h.press(.left)
        #expect(h.screen.contains("frame 1/68") && h.pictureColors() == first)
        for _ in 0..<29 { h.term.feed([.right]) }
        try h.settle()
        #expect(h.screen.contains("frame 30/68"))
        let thirtieth = h.pictureColors()
        let changed = zip(first, thirtieth).filter { $0 != $1 }.count
        #expect(changed > first.count / 10, "only \(changed) of \(first.count) picture colours changed")
        try h.press(.end)
        #expect(h.screen.contains("frame 68/68"))
    }

    @Test func goToPromptJumpsToAFrame() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        try h.press(.char(":")); try h.type("40")
        h.expectSnapshot("video-goto-prompt")
        #expect(h.screen.contains("Go to frame or time") && h.screen.contains("› 40"))
        try h.press(.enter)
        h.expectSnapshot("video-frame-40")
        #expect(h.screen.contains("frame 40/68"))
        #expect(h.app.top is EvidenceScreen)
        try h.press(.char(":")); try h.type("2.0s"); try h.press(.enter)
        #expect(h.screen.contains("frame 31/68"))
        try h.press(.char(":")); try h.type("soon"); try h.press(.enter)
        #expect(h.screen.contains("not a frame number or time: soon") && h.screen.contains("frame 31/68"))
    }

    @Test func branchPaneDetails() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        try h.press(.tab)
        #expect(h.evidence?.focus == .branches)
        try h.press(.enter)
        h.expectSnapshot("video-branch-details")
        #expect(h.app.top is MessageScreen)
        #expect(h.screen.contains("Branch forensic") && h.screen.contains("status: ok") && h.screen.contains("time: # ms"))
        #expect(h.screen.contains("║   frames: 8"), "measurements keep their indentation")
        try h.press(.escape)
        try h.press(.down, .enter)
        #expect(h.screen.contains("Branch lipsync") && h.screen.contains("║   best_offset_s: "))
        try h.press(.escape)
        try h.press(.down, .enter)
        #expect(h.screen.contains("Branch metadata") && h.screen.contains("║   container_tags: 2"))
        try h.press(.escape)
        try h.press(.down, .enter)
        #expect(h.screen.contains("Branch pdf") && h.screen.contains("status: not_applicable"))
        try h.press(.escape, .tab, .tab)
        #expect(h.evidence?.focus == .viewer)
        try h.press(.right)
        #expect(h.screen.contains("frame 2/68"))
    }

    /// The forensic branch maps the 8 sampled frames (0, 10, 19, ... 67): a sampled frame has its
    /// maps, a frame in between has none, and the key says so.
    @Test func layerKeyShowsTheFramesMapsOrSaysThereAreNone() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        try h.press(.char("v"))
        #expect(h.screen.contains("evidence map: forensic/ela@frame0"))
        try h.press(.char("v"))
        try h.press(.right)
        var presses = 0
        while !h.screen.contains("no evidence map yet") && presses < 30 { try h.press(.char("v")); presses += 1 }
        #expect(h.screen.contains("no evidence map yet for what is on screen"))
    }
}
