// Half-block rendering, fit and aspect math, area averaging, heatmap blending, viewports.
import Media
import Testing
@testable import Workbench

@Suite struct RenderTests {
    let red = RGB(255, 0, 0), blue = RGB(0, 0, 255)

    /// An image whose rows are the given colours, `width` pixels wide.
    func image(width: Int, rows: [RGB]) -> RGBImage {
        var px: [UInt8] = []
        for c in rows { for _ in 0..<width { px += [c.r, c.g, c.b] } }
        return RGBImage(width: width, height: rows.count, pixels: px)
    }

    @Test func topPixelIsForegroundBottomPixelIsBackground() {
        let img = image(width: 2, rows: [red, red, blue, blue])  // 2x4: red top half, blue bottom half
        let buf = CellBuffer(width: 2, height: 2)
        let layout = HalfBlockRenderer().render(img, into: Canvas(buffer: buf))
        #expect(layout.samplesWide == 2 && layout.samplesHigh == 4)
        for x in 0..<2 {
            #expect(buf[x, 0] == Cell("▀", fg: red, bg: red))
            #expect(buf[x, 1] == Cell("▀", fg: blue, bg: blue))
        }
        // Two pixels stacked in one cell: red over blue.
        let one = CellBuffer(width: 2, height: 1)
        HalfBlockRenderer().render(image(width: 2, rows: [red, blue]), into: Canvas(buffer: one))
        #expect(one[0, 0] == Cell("▀", fg: red, bg: blue))
    }

    @Test func fitKeepsTheAspectAndCentres() {
        // Square image in a 40x20 canvas: 40x40 samples fill it exactly.
        let sq = ImageLayout.fit(.full(width: 100, height: 100), in: Size(width: 40, height: 20))
        #expect(sq.samplesWide == 40 && sq.samplesHigh == 40 && sq.cells == Rect(x: 0, y: 0, width: 40, height: 20))
        // 2:1 image: full width, half the rows, centred vertically.
        let wide = ImageLayout.fit(.full(width: 200, height: 100), in: Size(width: 40, height: 20))
        #expect(wide.samplesWide == 40 && wide.samplesHigh == 20 && wide.cells == Rect(x: 0, y: 5, width: 40, height: 10))
        // 1:2 image: full height, 20 columns, centred horizontally.
        let tall = ImageLayout.fit(.full(width: 100, height: 200), in: Size(width: 40, height: 20))
        #expect(tall.samplesWide == 20 && tall.samplesHigh == 40 && tall.cells.x == 10)
        // Cells as tall as wide (aspect 1): a square image takes half as many rows.
        let flat = ImageLayout.fit(.full(width: 100, height: 100), in: Size(width: 40, height: 40), cellAspect: 1)
        #expect(flat.samplesWide == 40 && flat.samplesHigh == 80 && flat.cells.height == 40)
    }

    @Test func clickMapsBackToImageCoordinates() throws {
        let l = ImageLayout.fit(.full(width: 200, height: 100), in: Size(width: 40, height: 20))
        let p = try #require(l.imagePoint(cellX: 0, cellY: 5))
        #expect(abs(p.x - 2.5) < 1e-9 && abs(p.y - 2.5) < 1e-9)
        #expect(l.imagePoint(cellX: 0, cellY: 4) == nil)  // letterbox
    }

    @Test func downscalingAveragesTheArea() {
        // A 4x4 black/white checkerboard is mid grey at 1x1.
        var px: [UInt8] = []
        for y in 0..<4 { for x in 0..<4 { let v: UInt8 = (x + y) % 2 == 0 ? 255 : 0; px += [v, v, v] } }
        let img = RGBImage(width: 4, height: 4, pixels: px)
        #expect(HalfBlockRenderer.sample(img, viewport: .full(width: 4, height: 4), width: 1, height: 1) == [128, 128, 128])
        // Upscaling repeats pixels.
        let two = image(width: 1, rows: [red, blue])
        #expect(HalfBlockRenderer.sample(two, viewport: .full(width: 1, height: 2), width: 2, height: 4)
                == [255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255])
    }

    @Test func heatmapOpacityZeroIsTheImageAndOneIsThePalette() {
        let img = image(width: 4, rows: [RGB(10, 20, 30), RGB(200, 100, 50), RGB(0, 255, 0), RGB(7, 7, 7)])
        let heat = HeatmapOverlay(width: 2, height: 2, values: [0, 1, 0.5, 0.25], opacity: 0, palette: .viridis)
        let plain = CellBuffer(width: 4, height: 2), off = CellBuffer(width: 4, height: 2), on = CellBuffer(width: 4, height: 2)
        HalfBlockRenderer().render(img, into: Canvas(buffer: plain))
        HalfBlockRenderer(overlay: heat).render(img, into: Canvas(buffer: off))
        #expect(plain.cells == off.cells)
        var opaque = heat; opaque.opacity = 1
        HalfBlockRenderer(overlay: opaque).render(img, into: Canvas(buffer: on))
        // Cell (0,0) shows image rows 0 and 1, both in the heatmap's top-left cell (value 0).
        #expect(on[0, 0].fg == Palette.viridis.color(0) && on[0, 0].bg == Palette.viridis.color(0))
        #expect(on[3, 0].fg == Palette.viridis.color(1))
        #expect(on[0, 1].fg == Palette.viridis.color(0.5) && on[3, 1].bg == Palette.viridis.color(0.25))
        // Half opacity is halfway.
        var half = heat; half.opacity = 0.5
        let mid = CellBuffer(width: 4, height: 2)
        HalfBlockRenderer(overlay: half).render(img, into: Canvas(buffer: mid))
        let p = Palette.viridis.color(0)
        #expect(mid[0, 0].fg == RGB(10, 20, 30).mixed(with: p, 0.5))
    }

    @Test func heatmapThresholdLeavesLowValuesUntinted() {
        let img = image(width: 2, rows: [red, red])
        let heat = HeatmapOverlay(width: 2, height: 1, values: [0.1, 0.9], opacity: 1, palette: .grey, threshold: 0.5)
        let b = CellBuffer(width: 2, height: 1)
        HalfBlockRenderer(overlay: heat).render(img, into: Canvas(buffer: b))
        #expect(b[0, 0].fg == red)
        #expect(b[1, 0].fg == Palette.grey.color(0.9))
    }

    @Test func viewportZoomAndPanStayInsideTheImage() {
        let full = Viewport.full(width: 100, height: 50)
        let z = full.zoomed(by: 2, imageWidth: 100, imageHeight: 50)
        #expect(z == Viewport(x: 25, y: 12.5, width: 50, height: 25))
        #expect(z.zoom(imageWidth: 100) == 2)
        let p = z.panned(dx: 1000, dy: -1000, imageWidth: 100, imageHeight: 50)
        #expect(p == Viewport(x: 50, y: 0, width: 50, height: 25))
        #expect(p.zoomed(by: 0.1, imageWidth: 100, imageHeight: 50) == full)
        // Zooming about a corner keeps the corner in place.
        let c = full.zoomed(by: 4, aboutX: 0, aboutY: 0, imageWidth: 100, imageHeight: 50)
        #expect(c.x == 0 && c.y == 0 && c.width == 25)
    }

    @Test func zoomedViewportRendersOnlyItsPart() {
        // Left half red, right half blue; a viewport on the right half is all blue.
        var px: [UInt8] = []
        for _ in 0..<2 { px += [255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255] }
        let img = RGBImage(width: 4, height: 2, pixels: px)
        let b = CellBuffer(width: 2, height: 1)
        HalfBlockRenderer(viewport: Viewport(x: 2, y: 0, width: 2, height: 2)).render(img, into: Canvas(buffer: b))
        #expect(b[0, 0].fg == blue && b[1, 0].bg == blue)
    }

    @Test func shadesModeUsesLuminance() {
        let img = image(width: 2, rows: [.white, .white, .black, .black])
        let b = CellBuffer(width: 2, height: 2)
        HalfBlockRenderer(mode: .shades).render(img, into: Canvas(buffer: b))
        #expect(b.lines() == ["██", "  "])
    }
}

@Suite struct QuadrantTests {
    /// A 2x4 image (one cell's worth: a quadrant sample is 1x2 pixels) from four quadrant colours.
    func cellImage(_ tl: RGB, _ tr: RGB, _ bl: RGB, _ br: RGB) -> RGBImage {
        let rows = [[tl, tr], [tl, tr], [bl, br], [bl, br]]
        return RGBImage(width: 2, height: 4, pixels: rows.flatMap { $0.flatMap { [$0.r, $0.g, $0.b] } })
    }

    @Test func fourSamplesSplitIntoTheBestTwoColours() {
        let red = RGB(255, 0, 0), blue = RGB(0, 0, 255)
        let b = CellBuffer(width: 1, height: 1)
        let layout = HalfBlockRenderer(mode: .quadrants).render(cellImage(red, blue, blue, blue), into: Canvas(buffer: b))
        #expect(layout.samplesWide == 2 && layout.samplesHigh == 2)
        #expect(b[0, 0] == Cell("▘", fg: red, bg: blue))
        HalfBlockRenderer(mode: .quadrants).render(cellImage(red, blue, blue, red), into: Canvas(buffer: b))
        #expect(b[0, 0] == Cell("▚", fg: red, bg: blue))
        HalfBlockRenderer(mode: .quadrants).render(cellImage(blue, red, red, red), into: Canvas(buffer: b))
        #expect(b[0, 0] == Cell("▘", fg: blue, bg: red))
    }

    @Test func quadrantsDoubleTheColumnsAndKeepTheAspect() {
        let l = ImageLayout.fit(.full(width: 100, height: 100), in: Size(width: 40, height: 20), perCellX: 2, perCellY: 2)
        #expect(l.samplesWide == 80 && l.samplesHigh == 40 && l.cells == Rect(x: 0, y: 0, width: 40, height: 20))
    }
}
