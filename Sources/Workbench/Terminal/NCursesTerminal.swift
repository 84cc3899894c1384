// The real terminal, through ncursesw. The only file that imports CNCurses (like htop's
// ProvideCurses.h). It sets up curses mode (locale, cbreak, no echo, keypad, mouse, colours),
// draws cells with the wide-character API (setcchar + mvwadd_wch), translates ncurses key codes to
// `Key`, and restores the terminal on close and from signal handlers.
//
// Colour: with a direct-colour terminfo (TERM=tmux-direct / xterm-direct, or COLORTERM=truecolor
// when a `<term>-direct` entry exists) COLORS is 2^24 and a colour number is 0xRRGGBB; otherwise RGB
// is mapped to the xterm 256 or 8 colours. Either way a (fg, bg) combination needs a colour pair;
// pairs are few, so they are cached and, when the table fills, recycled from 1 with a request for a
// full redraw (a redefined pair repaints the cells that still use it).
import CNCurses
import Foundation

/// A terminal driven by ncursesw.
public final class NCursesTerminal: Terminal {
    /// Settings for curses mode.
    public struct Options: Sendable {
        /// Use this colour capability instead of what terminfo says (it is never raised above it,
        /// except to truecolor, which some terminals support without a direct terminfo).
        public var colors: ColorCapability?
        /// Report mouse clicks and the wheel.
        public var mouse = true
        /// Milliseconds to wait after ESC for the rest of an escape sequence (ncurses' default is 1000).
        public var escapeDelay = 25
        public init(colors: ColorCapability? = nil, mouse: Bool = true, escapeDelay: Int = 25) {
            self.colors = colors; self.mouse = mouse; self.escapeDelay = escapeDelay
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    public let colorCapability: ColorCapability
    /// The terminfo entry in use (may be a `-direct` variant of $TERM).
    public let terminalName: String
    private var closed = false

    // Colour pairs: key -> pair number. Truecolor keys are (fg << 24 | bg); palette keys index a
    // 256 x 256 table of Int32 (0: not allocated).
    private var directPairs: [UInt64: Int32] = [:]
    private var palettePairs: [Int32]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private var resetThisFrame = false
    private var resetLastFrame = false
    private var redrawRequested = false
    private var lastKey: (UInt64, Int32) = (.max, 0)

    /// Enters curses mode on the controlling terminal. Throws when stdin or stdout is not a terminal
    /// or the terminal type is unknown.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, options: Options = Options()) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError("not a terminal: run `deepscan open` in an interactive terminal") }
        setlocale(LC_ALL, "")
        let term = environment["TERM"] ?? "xterm-256color"
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let wantsTrue = ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "") || options.colors == .trueColor
        var chosen = term
        if wantsTrue && !noColor && !term.hasSuffix("-direct"), let direct = Self.directVariant(of: term, environment: environment) { chosen = direct }
        // Handlers go in before newterm: ncurses then leaves SIGINT/SIGTERM alone (it only takes
        // signals that are at their defaults), so re-raising reaches the true previous handler.
        TerminalSignals.install(restoreTerminal: { endwin() })
        var scr = chosen.withCString { cnc_newterm($0) }
        if scr == nil && chosen != term { chosen = term; scr = term.withCString { cnc_newterm($0) } }
        guard let scr else {
            TerminalSignals.uninstall()
            throw TerminalError("unknown terminal type '\(term)': set TERM (for example xterm-256color)")
        }
        screen = scr
        terminalName = chosen
        set_term(scr)
        window = cnc_stdscr()
        cbreak(); noecho(); nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(Int32(options.escapeDelay))
        if options.mouse {
            mouseinterval(0)
            mousemask(cnc_button1_pressed() | cnc_button1_released() | cnc_button2_pressed() | cnc_button3_pressed()
                      | cnc_button4_pressed() | cnc_button5_pressed(), nil)
        }
        var cap = ColorCapability.none
        if !noColor && options.colors != ColorCapability.none && has_colors() {
            start_color()
            use_default_colors()
            let n = cnc_colors()
            cap = n >= 0x1000000 ? .trueColor : n >= 256 ? .palette256 : n >= 8 ? .palette8 : .none
            if let wanted = options.colors, wanted != .trueColor, Self.rank(wanted) < Self.rank(cap) { cap = wanted }
        }
        colorCapability = cap
        maxPairs = max(1, cnc_color_pairs() - 1)
        palettePairs = cap == .palette256 || cap == .palette8 ? [Int32](repeating: 0, count: 65536) : []
    }

    deinit { close() }

    /// Leaves curses mode and restores the terminal (`endwin`, `delscreen`). Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        TerminalSignals.uninstall()
        endwin()
        delscreen(screen)
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func draw(_ cell: Cell, x: Int, y: Int) {
        var attrs = cnc_a_normal()
        if cell.attributes.contains(.bold) { attrs |= cnc_a_bold() }
        if cell.attributes.contains(.reverse) { attrs |= cnc_a_reverse() }
        if cell.attributes.contains(.underline) { attrs |= cnc_a_underline() }
        if cell.attributes.contains(.dim) { attrs |= cnc_a_dim() }
        var pair = colorCapability == .none ? 0 : pairFor(fg: cell.fg, bg: cell.bg)
        var wide: (wchar_t, wchar_t) = (wchar_t(bitPattern: cell.scalar.value), 0)
        var cc = cchar_t()
        withUnsafePointer(to: &wide) { p in
            p.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cc, $0, attrs, 0, &pair) }
        }
        // ERR at the bottom-right cell (the cursor cannot advance) is expected and harmless.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    public func flush() {
        wnoutrefresh(window)
        doupdate()
        resetLastFrame = resetThisFrame
        resetThisFrame = false
    }

    public func takeFullRedrawRequest() -> Bool {
        defer { redrawRequested = false }
        return redrawRequested
    }

    public func readKey(timeout: Int) -> Key? {
        wtimeout(window, Int32(max(0, timeout)))
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            let code = Int32(bitPattern: ch)
            return code == KEY_MOUSE ? mouseEvent() : Self.key(functionCode: code)
        }
        return Self.key(character: ch)
    }

    /// The key for a character `wget_wch` returned (not a KEY_* code).
    static func key(character ch: UInt32) -> Key? {
        switch ch {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        case 28...31: return nil
        default:
            guard let s = Unicode.Scalar(ch) else { return nil }
            return .char(Character(s))
        }
    }

    /// The key for a KEY_* code (KEY_MOUSE is read separately with getmouse).
    static func key(functionCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        case cnc_key_f(1)...cnc_key_f(12): return .function(Int(code - cnc_key_f(0)))
        default: return nil
        }
    }

    private func mouseEvent() -> Key? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let s = ev.bstate, x = Int(ev.x), y = Int(ev.y)
        if s & cnc_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, button: .none, x: x, y: y)) }
        if s & cnc_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, button: .none, x: x, y: y)) }
        if s & cnc_button1_pressed() != 0 { return .mouse(MouseEvent(.press, button: .left, x: x, y: y)) }
        if s & cnc_button2_pressed() != 0 { return .mouse(MouseEvent(.press, button: .middle, x: x, y: y)) }
        if s & cnc_button3_pressed() != 0 { return .mouse(MouseEvent(.press, button: .right, x: x, y: y)) }
        if s & cnc_button1_released() != 0 { return .mouse(MouseEvent(.release, button: .left, x: x, y: y)) }
        return nil
    }

    // MARK: colour pairs

    private func pairFor(fg: RGB, bg: RGB) -> Int32 {
        let key = UInt64(fg.hex) << 24 | UInt64(bg.hex)
        if key == lastKey.0 { return lastKey.1 }
        let pair: Int32
        if colorCapability == .trueColor {
            if let p = directPairs[key] { pair = p } else {
                pair = allocate(fg: Self.direct(fg), bg: Self.direct(bg))
                directPairs[key] = pair
            }
        } else {
            let f = colorCapability == .palette256 ? XTermPalette.index256(fg) : XTermPalette.index8(fg)
            let b = colorCapability == .palette256 ? XTermPalette.index256(bg) : XTermPalette.index8(bg)
            let slot = f << 8 | b
            if palettePairs[slot] != 0 { pair = palettePairs[slot] } else {
                pair = allocate(fg: Int32(f), bg: Int32(b))
                palettePairs[slot] = pair
            }
        }
        lastKey = (key, pair)
        return pair
    }

    private func allocate(fg: Int32, bg: Int32) -> Int32 {
        if nextPair > maxPairs {
            // Recycle every pair. Cells already drawn with them change colour, so redraw in full
            // next frame, unless the last frame also ran out (then a frame needs more pairs than
            // exist and redrawing again would not help).
            directPairs.removeAll(keepingCapacity: true)
            if !palettePairs.isEmpty { for i in palettePairs.indices { palettePairs[i] = 0 } }
            nextPair = 1
            if !resetLastFrame { redrawRequested = true }
            resetThisFrame = true
        }
        let p = nextPair
        nextPair += 1
        init_extended_pair(p, fg, bg)
        return p
    }

    /// A direct-colour number for `c`. Numbers below 16 mean palette colours in -direct terminfo,
    /// so those near-black blues are nudged to an indistinguishable RGB value.
    static func direct(_ c: RGB) -> Int32 {
        let v = c.hex
        return Int32(v < 16 ? v | 0x010100 : v)
    }

    static func rank(_ c: ColorCapability) -> Int {
        switch c { case .none: return 0; case .palette8: return 1; case .palette256: return 2; case .trueColor: return 3 }
    }

    /// `xterm-256color` -> `xterm-direct`, if that terminfo entry is installed.
    static func directVariant(of term: String, environment: [String: String]) -> String? {
        var base = term
        for suffix in ["-256color", "-88color", "-color", "-16color"] where base.hasSuffix(suffix) { base.removeLast(suffix.count); break }
        let name = base + "-direct"
        var dirs: [String] = []
        if let t = environment["TERMINFO"] { dirs.append(t) }
        if let home = environment["HOME"] { dirs.append(home + "/.terminfo") }
        if let list = environment["TERMINFO_DIRS"] { dirs += list.split(separator: ":").map(String.init) }
        dirs += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
        guard let first = name.unicodeScalars.first else { return nil }
        for d in dirs {
            for sub in [String(Character(first)), String(first.value, radix: 16)]
            where FileManager.default.fileExists(atPath: "\(d)/\(sub)/\(name)") { return name }
        }
        return nil
    }
}
