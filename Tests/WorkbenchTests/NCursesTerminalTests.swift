// The parts of the ncurses terminal that need no tty: key translation, the truecolor terminfo
// choice, direct colour numbers. Curses mode itself was checked by hand in tmux (see the commit).
import Foundation
import Testing
@testable import Workbench

@Suite struct NCursesTerminalTests {
    @Test func charactersBecomeKeys() {
        #expect(NCursesTerminal.key(character: 1) == .ctrl("a"))
        #expect(NCursesTerminal.key(character: 12) == .ctrl("l"))
        #expect(NCursesTerminal.key(character: 9) == .tab)
        #expect(NCursesTerminal.key(character: 13) == .enter)
        #expect(NCursesTerminal.key(character: 27) == .escape)
        #expect(NCursesTerminal.key(character: 127) == .backspace)
        #expect(NCursesTerminal.key(character: 0xE9) == .char("é"))
        #expect(NCursesTerminal.key(character: 0x8A9E) == .char("語"))
    }

    @Test func functionCodesBecomeKeys() {
        // Values from ncurses' curses.h (octal), stable across its ABIs.
        #expect(NCursesTerminal.key(functionCode: 0o403) == .up)
        #expect(NCursesTerminal.key(functionCode: 0o541) == .backTab)
        #expect(NCursesTerminal.key(functionCode: 0o632) == .resize)
        #expect(NCursesTerminal.key(functionCode: 0o410 + 5) == .function(5))
        #expect(NCursesTerminal.key(functionCode: 0o522) == .pageDown)
    }

    @Test func truecolorTerminfoIsChosenWhenInstalled() {
        let env = ["HOME": "/nonexistent"]
        if FileManager.default.fileExists(atPath: "/usr/share/terminfo/x/xterm-direct") || FileManager.default.fileExists(atPath: "/lib/terminfo/x/xterm-direct") {
            #expect(NCursesTerminal.directVariant(of: "xterm-256color", environment: env) == "xterm-direct")
        }
        #expect(NCursesTerminal.directVariant(of: "no-such-terminal-256color", environment: env) == nil)
    }

    @Test func directColourNumbersAvoidThePaletteRange() {
        #expect(NCursesTerminal.direct(RGB(0x12, 0x34, 0x56)) == 0x123456)
        #expect(NCursesTerminal.direct(RGB(0, 0, 5)) >= 16)
        #expect(NCursesTerminal.direct(.black) >= 16)
    }
}
