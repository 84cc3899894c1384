// Canvas drawing as text: clipping, wide characters, boxes, layout, hostile text.
import Testing
@testable import Workbench

@Suite struct CanvasTests {
    let style = Style(fg: .white, bg: .black)

    func lines(_ b: CellBuffer) -> [String] { b.lines().map { String($0.reversed().drop(while: { $0 == " " }).reversed()) } }

    @Test func textIsClippedToTheCanvas() {
        let b = CellBuffer(width: 10, height: 3)
        let c = Canvas(buffer: b).sub(Rect(x: 2, y: 1, width: 5, height: 1))
        c.put("abcdefgh", x: 0, y: 0, style: style)
        c.put("zz", x: 0, y: 1, style: style)   // outside: below
        c.put("yy", x: -1, y: 0, style: style)  // starts left of the canvas: one 'y', at column 0
        #expect(lines(b) == ["", "  ybcde", ""])
    }

    @Test func wideCharactersTakeTwoCells() {
        let b = CellBuffer(width: 8, height: 1)
        let used = Canvas(buffer: b).put("日本x", x: 0, y: 0, style: style)
        #expect(used == 5)
        #expect(b[0, 0].width == 2 && b[1, 0].width == 0 && b[2, 0].width == 2 && b[4, 0].scalar == "x")
        #expect(lines(b) == ["日本x"])
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        let b = CellBuffer(width: 3, height: 1)
        Canvas(buffer: b).put("ab語", x: 0, y: 0, style: style)
        #expect(b.lines() == ["ab "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let b = CellBuffer(width: 4, height: 1)
        let c = Canvas(buffer: b)
        c.put("語語", x: 0, y: 0, style: style)
        c.set(1, 0, "x", style)  // the continuation of the first
        #expect(b.lines() == [" x語"])
        c.set(2, 0, "y", style)  // the start of the second
        #expect(b.lines() == [" xy "])
        #expect((0..<4).allSatisfy { b[$0, 0].width == 1 })
    }

    @Test func controlCharactersAreNeutralised() {
        let b = CellBuffer(width: 12, height: 1)
        Canvas(buffer: b).put("a\u{1B}[31mb", x: 0, y: 0, style: style)
        #expect(lines(b) == ["a\u{FFFD}[31mb"])
    }

    @Test func boxDrawsBordersAndReturnsTheInside() {
        let b = CellBuffer(width: 10, height: 4)
        let inner = Canvas(buffer: b).box(.single, style: style, title: "Hi")
        inner.put("inside", x: 0, y: 0, style: style)
        #expect(lines(b) == ["┌ Hi ────┐", "│inside  │", "│        │", "└────────┘"])
        #expect(inner.rect == Rect(x: 1, y: 1, width: 8, height: 2))
    }

    @Test func splitsByFixedRatioAndFill() {
        #expect(Canvas.distribute(total: 100, lengths: [.fixed(20), .ratio(0.5), .fill]) == [20, 50, 30])
        #expect(Canvas.distribute(total: 10, lengths: [.fill, .fill, .fill]) == [4, 3, 3])
        #expect(Canvas.distribute(total: 11, lengths: [.fixed(3), .fill], gap: 1) == [3, 7])
        #expect(Canvas.distribute(total: 5, lengths: [.fixed(8), .fill]) == [5, 0])
        let c = Canvas(buffer: CellBuffer(width: 40, height: 10))
        let (top, rest) = c.splitTop(.fixed(2))
        let cols = rest.split(.columns, [.ratio(0.25), .fill], gap: 1)
        #expect(top.rect == Rect(x: 0, y: 0, width: 40, height: 2))
        #expect(cols.map(\.rect) == [Rect(x: 0, y: 2, width: 9, height: 8), Rect(x: 10, y: 2, width: 30, height: 8)])
    }

    @Test func paddedTextGetsAnEllipsis() {
        let b = CellBuffer(width: 8, height: 2)
        let c = Canvas(buffer: b)
        c.putPadded("abcdefghij", x: 0, y: 0, width: 6, style: style)
        c.putPadded("42", x: 0, y: 1, width: 6, style: style, alignRight: true)
        #expect(lines(b) == ["abcde…", "    42"])
    }
}
