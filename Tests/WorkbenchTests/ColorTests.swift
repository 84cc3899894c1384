// Colour reduction for 256- and 8-colour terminals, palettes, parsing.
import Testing
@testable import Workbench

@Suite struct ColorTests {
    @Test func pureColoursMapToTheirXterm256Entries() {
        #expect(XTermPalette.index256(RGB(255, 0, 0)) == 196)
        #expect(XTermPalette.index256(RGB(0, 255, 0)) == 46)
        #expect(XTermPalette.index256(RGB(0, 0, 255)) == 21)
        #expect(XTermPalette.index256(RGB(255, 255, 255)) == 231)
        #expect(XTermPalette.index256(RGB(0, 0, 0)) == 16)
        #expect(XTermPalette.index256(RGB(255, 255, 0)) == 226)
        #expect(XTermPalette.index256(RGB(128, 128, 128)) == 244)  // grey ramp, exact
        #expect(XTermPalette.color(244) == RGB(128, 128, 128))
    }

    @Test func everyPaletteEntryMapsToItself() {
        for i in 16...255 {
            let c = XTermPalette.color(i)
            #expect(XTermPalette.color(XTermPalette.index256(c)) == c, "entry \(i)")
        }
    }

    @Test func eightColours() {
        #expect(XTermPalette.index8(RGB(255, 0, 0)) == 1)
        #expect(XTermPalette.index8(RGB(0, 200, 0)) == 2)
        #expect(XTermPalette.index8(RGB(0, 0, 255)) == 4)
        #expect(XTermPalette.index8(RGB(250, 250, 240)) == 7)
        #expect(XTermPalette.index8(RGB(20, 30, 40)) == 0)
    }

    @Test func parsingAndMixing() {
        #expect(RGB(parsing: "#ff8000") == RGB(255, 128, 0))
        #expect(RGB(parsing: "f80") == RGB(255, 136, 0))
        #expect(RGB(parsing: "#ff80") == nil)
        #expect(RGB(parsing: "#gg0000") == nil)
        #expect(RGB.black.mixed(with: .white, 0) == .black)
        #expect(RGB.black.mixed(with: .white, 1) == .white)
    }

    @Test func paletteEndsAreItsStops() {
        #expect(Palette.inferno.color(0) == RGB(hex: 0x000004))
        #expect(Palette.inferno.color(1) == RGB(hex: 0xFCFFA4))
        #expect(Palette.grey.color(0.5) == RGB(128, 128, 128))
        #expect(Palette.viridis.color(-3) == Palette.viridis.color(0))
        #expect(Palette.viridis.color(.nan) == Palette.viridis.color(0))
    }
}
