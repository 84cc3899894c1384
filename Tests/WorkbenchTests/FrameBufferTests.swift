// Double buffering: only changed cells reach the terminal.
import Testing
@testable import Workbench

@Suite struct FrameBufferTests {
    let style = Style(fg: .white, bg: .black)

    @Test func presentSendsOnlyChangedCells() {
        let t = GridTerminal(width: 20, height: 5)
        let f = FrameBuffer(size: t.size)
        f.beginFrame(clearingTo: style).put("hello", x: 0, y: 0, style: style)
        f.present(to: t)
        #expect(f.lastChangedCells == 100)  // the first frame is sent in full
        f.beginFrame(clearingTo: style).put("hello", x: 0, y: 0, style: style)
        f.present(to: t)
        #expect(f.lastChangedCells == 0)
        f.beginFrame(clearingTo: style).put("help", x: 0, y: 0, style: style)
        f.present(to: t)
        #expect(f.lastChangedCells == 2)  // 'p' over 'l', ' ' over 'o'
        #expect(t.snapshot()[0] == "help")
    }

    @Test func aTerminalRequestForcesAFullRedraw() {
        let t = GridTerminal(width: 4, height: 2)
        let f = FrameBuffer(size: t.size)
        f.beginFrame(clearingTo: style); f.present(to: t)
        t.requestFullRedraw()
        f.beginFrame(clearingTo: style); f.present(to: t)
        #expect(f.lastChangedCells == 8)
    }

    @Test func wideCharactersReachTheTerminalOnce() {
        let t = GridTerminal(width: 6, height: 1)
        let f = FrameBuffer(size: t.size)
        f.beginFrame(clearingTo: style).put("語x", x: 0, y: 0, style: style)
        f.present(to: t)
        #expect(t.snapshot() == ["語x"])
        f.beginFrame(clearingTo: style).put("ab", x: 0, y: 0, style: style)
        f.present(to: t)
        #expect(t.snapshot() == ["ab"])
    }
}
