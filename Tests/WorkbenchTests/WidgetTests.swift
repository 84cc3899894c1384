// Widgets driven by keys and drawn as text.
import Evidence
import Testing
@testable import Workbench

@Suite struct WidgetTests {
    let theme = Theme.builtIn

    func render(_ w: Int, _ h: Int, _ draw: (Canvas) -> Void) -> [String] {
        let b = CellBuffer(width: w, height: h)
        draw(Canvas(buffer: b))
        return b.lines().map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    @Test func listNavigationScrollsToKeepTheSelectionVisible() {
        var list = ListView(items: (1...10).map { ListItem("item \($0)") })
        _ = render(20, 3) { list.draw(into: $0, theme: theme) }
        for k: Key in [.down, .char("j"), .down] { #expect(list.handle(k) == true) }
        #expect(list.selectedIndex == 3)
        let shown1 = render(20, 3) { list.draw(into: $0, theme: theme) }
        #expect(shown1 == [" item 2", " item 3", " item 4"])
        #expect(list.handle(.end) && list.selectedIndex == 9)
        #expect(list.handle(.pageUp) && list.selectedIndex == 7)
        #expect(list.handle(.char("g")) && list.selectedIndex == 0)
        #expect(list.handle(.up) && list.selectedIndex == 0)
        #expect(list.handle(.char("x")) == false)
    }

    @Test func listFiltersByTyping() {
        var list = ListView(items: ["photo.jpg", "clip.mp4", "scan.pdf", "Photo2.png"].map { ListItem($0) })
        for k: Key in [.char("/"), .char("p"), .char("h")] { #expect(list.handle(k) == true) }
        #expect(list.isEditingFilter && list.visible == [0, 3])
        #expect(list.handle(.enter) && !list.isEditingFilter && list.filter == "ph")
        #expect(list.handle(.down) && list.selectedIndex == 3)
        let screen = render(24, 4) { list.draw(into: $0, theme: theme) }
        #expect(screen == [" photo.jpg", " Photo2.png", "", "/ph                  2/4"])
        #expect(list.handle(.escape) && list.filter.isEmpty && list.visible.count == 4)
        #expect(list.selectedIndex == 3)  // the selection survives the filter change
    }

    @Test func listMouseSelectsAndScrolls() {
        var list = ListView(items: (1...20).map { ListItem("\($0)") })
        let b = CellBuffer(width: 10, height: 10)
        list.draw(into: Canvas(buffer: b).sub(Rect(x: 0, y: 2, width: 10, height: 5)), theme: theme)
        #expect(list.handle(.mouse(MouseEvent(.press, x: 3, y: 4))) && list.selectedIndex == 2)
        #expect(list.handle(.mouse(MouseEvent(.wheelDown, button: .none, x: 3, y: 4))) && list.selection.offset == 3)
        #expect(list.handle(.mouse(MouseEvent(.press, x: 3, y: 9))) == false)  // outside
    }

    func metadata() -> MetadataGroup {
        var exif = MetadataGroup(); exif.set("Make", "Canon"); exif.set("Model", "EOS 5D")
        var g = MetadataGroup(); g.set("format", "jpeg"); g.set("exif", exif); g.set("width", 640)
        return g
    }

    @Test func treeExpandsCollapsesAndNavigates() {
        var tree = TreeView(roots: TreeNode.nodes(from: metadata(), expandedDepth: 0))
        let shown2 = render(30, 4) { tree.draw(into: $0, theme: theme) }
        #expect(shown2 == ["   format: jpeg", " ▸ exif", "   width: 640", ""])
        #expect(tree.handle(.down) && tree.handle(.right))  // open exif
        let shown3 = render(30, 5) { tree.draw(into: $0, theme: theme) }
        #expect(shown3 == ["   format: jpeg", " ▾ exif", "     Make: Canon", "     Model: EOS 5D", "   width: 640"])
        #expect(tree.handle(.char("l")) && tree.selectedPath == ["exif", "Make"])  // → on an open node steps in
        #expect(tree.handle(.char("j")) && tree.selectedNode?.value == "EOS 5D")
        #expect(tree.handle(.left) && tree.selectedPath == ["exif"])  // ← on a leaf goes to the parent
        #expect(tree.handle(.left) && tree.rows.count == 3)           // ← on an open node closes it
        #expect(tree.handle(.enter) && tree.rows.count == 5)          // Enter toggles
        tree.setAllExpanded(false)
        #expect(tree.rows.count == 3 && tree.selectedNode?.label == "exif")
    }

    @Test func textWrapsByDisplayWidth() {
        #expect(TextPane.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextPane.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextPane.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
        #expect(TextPane.wrap("a\n\nb", width: 4) == ["a", "", "b"])
        var pane = TextPane(text: (1...20).map { "line \($0)" }.joined(separator: "\n"))
        _ = render(12, 4) { pane.draw(into: $0, theme: theme) }
        #expect(pane.handle(.pageDown) && pane.handle(.down))
        let shown = render(12, 4) { pane.draw(into: $0, theme: theme) }
        #expect(shown[0].hasPrefix("line 5"))
        #expect(pane.handle(.end) == true)
        let shown4 = render(12, 4) { pane.draw(into: $0, theme: theme) }
        #expect(shown4[3].hasPrefix("line 20"))
    }

    @Test func tableShowsHeaderAndSelectedRow() {
        var table = TableView(columns: [TableColumn("branch", width: .fixed(8)), TableColumn("score", width: .fill, alignRight: true)],
                              rows: [TableRow(["spatial", "0.91"], roles: [nil, .scoreHigh]), TableRow(["audio", "n/a"])])
        let shown5 = render(20, 3) { table.draw(into: $0, theme: theme) }
        #expect(shown5 == [" branch       score", " spatial       0.91", " audio          n/a"])
        #expect(table.handle(.down) && table.selectedRow == 1)
    }

    @Test func sparklineBucketsByMaximumAndShowsMissingScores() {
        let s = Sparkline(values: [0, 0.2, 1, 0.1, nil, nil, 0.5, 0.5])
        #expect(s.columnValues(4) == [0.2, 1, nil, 0.5])
        #expect(render(4, 1) { s.draw(into: $0, theme: theme) } == ["▂█·▄"])
        #expect(render(2, 2) { Sparkline(values: [1, 0.75]).draw(into: $0, theme: theme) } == ["█▄", "██"])
    }

    @Test func timelineMapsFramesAndColumns() {
        let t = Timeline(frameCount: 101, current: 50, keyframes: [0, 25], flagged: [75: 0.9], fps: 25)
        #expect(t.column(of: 50, width: 21) == 10 && t.frame(atColumn: 10, width: 21) == 50)
        #expect(t.timeLabel(50) == "00:00:02.000")
        let shown = render(21, 2) { t.draw(into: $0, theme: theme) }
        #expect(shown[0] == "┼────┼────●────━─────")
        #expect(shown[1] == "1   frame 51/101  101")  // no room for the time
        #expect(render(40, 2) { t.draw(into: $0, theme: theme) }[1] == "1      frame 51/101  00:00:02.000    101")
    }

    @Test func progressBarAndLegendAndHints() {
        #expect(render(20, 1) { ProgressBar(fraction: 0.5, label: "ELA").draw(into: $0, theme: theme) } == ["ELA █████▌·····  50%"])
        #expect(render(12, 1) { HeatmapLegend(palette: .grey).draw(into: $0, theme: theme.asMonochrome()) } == ["0 ░░▒▒▓▓██ 1"])
        let hints = KeyHints(App.globalBindings)
        #expect(render(22, 1) { hints.draw(into: $0, theme: theme) } == [" q quit  ? help"])
    }
}
