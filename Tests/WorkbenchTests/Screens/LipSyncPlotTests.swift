// The lip-sync offset plot in the video strip: on the webcam clip (face and audio) the branch
// answers and the plot's label and zero/best markers are drawn; on a copy without audio the plot
// is absent and the branch pane shows the not-applicable reason.
import Detection
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct LipSyncPlotTests {
    @Test func webcamStripShowsTheOffsetPlot() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi", branches: [LipSyncBranch()])
        let screen = h.screen
        #expect(screen.contains("lip-sync: best "), "no plot label in\n\(screen)")
        #expect(screen.contains(", at 0: r "))
        #expect(screen.contains("-0.5…+0.5s"))
        #expect(screen.contains("▲"))
    }

    @Test func mutedCopyShowsTheReasonInsteadOfAPlot() throws {
        let mute = TempDir()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        p.arguments = ["-v", "error", "-y", "-i", Samples.path("webcam-face.avi"), "-c:v", "copy", "-an", mute.path("mute.avi")]
        try p.run(); p.waitUntilExit()
        let bytes = try [UInt8](Data(contentsOf: mute.url.appendingPathComponent("mute.avi")))
        let h = try WorkbenchHarness(open: "mute.avi", branches: [LipSyncBranch()], extra: ["mute.avi": bytes])
        let screen = h.screen
        #expect(!screen.contains("lip-sync: best"))
        #expect(screen.contains("lipsync") && screen.contains("n/a") && screen.contains("no audio track"), "\(screen)")
    }
}
