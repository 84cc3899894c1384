// Cell widths: the Swift table must agree with the C library's wcwidth, which ncurses uses to lay
// out cells. The live glibc function is the oracle here (tests may call it; the workbench may not).
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Workbench

@Suite struct CharWidthTests {
    @Test func asciiCjkCombiningAndControls() {
        #expect(CharWidth.of("a") == 1)
        #expect(CharWidth.of("語") == 2)
        #expect(CharWidth.of("한") == 2)
        #expect(CharWidth.of("\u{0301}") == 0)  // combining acute
        #expect(CharWidth.of(Unicode.Scalar(0x1B)) == -1)  // ESC
        #expect(CharWidth.of("▀") == 1)
        #expect(CharWidth.columns("日本語 ok") == 9)
    }

    #if canImport(Glibc)
    @Test func agreesWithGlibcWcwidth() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        // wcwidth is hidden behind _XOPEN_SOURCE in the Glibc module: look it up instead.
        typealias WcWidth = @convention(c) (wchar_t) -> Int32
        let sym = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"))
        let wcwidth = unsafeBitCast(sym, to: WcWidth.self)
        var mismatches: [UInt32] = []
        for v in UInt32(0)..<0x40000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let c = Int(wcwidth(wchar_t(bitPattern: v)))
            if CharWidth.of(s) != c { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }
    #endif
}
