// Key replay through the App loop on a GridTerminal, compared as text (tig's :save-display).
import Dispatch
import Evidence
import Testing
@testable import Workbench

@Suite struct AppTests {
    func makeApp(width: Int = 40, height: Int = 10) -> (App, GridTerminal, ListScreen) {
        let term = GridTerminal(width: width, height: height)
        let screen = ListScreen(items: ["photo.jpg", "clip.mp4", "scan.pdf"])
        return (App(terminal: term, theme: .builtIn, root: screen), term, screen)
    }

    @Test func firstFrameHasTitleScreenAndFooter() {
        let (app, term, _) = makeApp()
        app.runUntilIdle()
        let s = term.snapshot()
        #expect(s[0] == " DeepScan › Evidence             ? help")
        #expect(s[1] == " photo.jpg          pane 0 w40")
        #expect(s[9] == " s say  / filter  q quit  ? help")  // "Tab pane" does not fit whole
        #expect(app.framesDrawn == 1)
    }

    @Test func helpIsPushedFromTheKeymapAndClosed() {
        let (app, term, _) = makeApp(width: 60, height: 30)
        term.feed([.char("?")])
        app.runUntilIdle()
        #expect(app.screens.count == 2)
        let help = term.text
        #expect(help.contains("Help: Evidence"))
        #expect(help.contains("Show a status message"))
        #expect(help.contains("Quit DeepScan"))
        #expect(help.contains("↓/j"))
        #expect(term.snapshot()[29] == " q close  Tab pane")  // help's own q and ? shadow the globals
        term.feed([.escape])
        app.runUntilIdle()
        #expect(app.screens.count == 1 && term.snapshot()[1].contains("photo.jpg"))
        term.feed([.char("?"), .char("q"), .char("q")])  // q closes help, then quits
        #expect(app.runUntilIdle() == false)
    }

    @Test func keysReachTheScreenThenTheGlobals() {
        let (app, term, screen) = makeApp()
        term.feed([.down, .char("s")])
        app.runUntilIdle()
        #expect(screen.list.selectedIndex == 1)
        #expect(term.snapshot()[8] == " hello")
        term.feed([.tab])
        app.runUntilIdle()
        #expect(term.snapshot()[1].contains("pane 1"))
        #expect(term.snapshot()[8] == "")  // the status clears on the next key
    }

    @Test func unusedKeysDoNotRedrawAndChangesSendFewCells() {
        let (app, term, _) = makeApp()
        app.runUntilIdle()
        let frames = app.framesDrawn, cells = term.cellsDrawn
        term.feed([.char("x"), .char("z")])
        app.runUntilIdle()
        #expect(app.framesDrawn == frames && term.cellsDrawn == cells)
        term.feed([.down])
        app.runUntilIdle()
        #expect(app.framesDrawn == frames + 1)
        #expect(term.cellsDrawn - cells <= 2 * 20)  // two list rows change, not the screen
    }

    @Test func messagesFromBackgroundThreadsReachTheScreen() {
        let (app, term, screen) = makeApp()
        let mailbox = app.mailbox
        let group = DispatchGroup()
        for i in 0..<3 { DispatchQueue.global().async(group: group) { mailbox.post("done \(i)") } }
        group.wait()
        app.runUntilIdle()
        #expect(Set(screen.received) == ["done 0", "done 1", "done 2"])
        #expect(term.text.contains("done 2"))
    }

    @Test func resizeRelaysOut() {
        let (app, term, _) = makeApp()
        app.runUntilIdle()
        term.resize(width: 60, height: 12)
        app.runUntilIdle()
        let s = term.snapshot()
        #expect(s.count == 12)
        #expect(s[0].hasSuffix("? help") && s[0].count == 59)
        #expect(s[1].contains("pane 0 w60"))
        #expect(s[11].hasPrefix(" s say"))
        term.resize(width: 10, height: 3)
        app.runUntilIdle()
        #expect(term.snapshot()[0] == "window too")
    }

    @Test func messageBoxIsDrawnOverTheScreen() {
        let (app, term, _) = makeApp(width: 50, height: 12)
        app.push(MessageScreen(title: "Cannot decode", message: "The file ends early.", severity: .critical))
        app.runUntilIdle()
        let text = term.text
        #expect(text.contains("Cannot decode") && text.contains("The file ends early."))
        #expect(term.snapshot()[1].contains("photo.jpg"))  // the list is still there underneath
        term.feed([.enter])
        app.runUntilIdle()
        #expect(app.screens.count == 1 && !term.text.contains("Cannot decode"))
    }
}
