// One copy-move finding: a region of the image that appears a second time elsewhere in it, with
// the boxes of both copies in image pixels and the shift between them.

/// A region duplicated inside one image.
public struct CopyMoveMatch: Sendable, Equatable {
    /// A box in image pixels.
    public struct Box: Sendable, Equatable, CustomStringConvertible {
        public var x: Int, y: Int, width: Int, height: Int
        public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }
        public var description: String { "x=\(x) y=\(y) w=\(width) h=\(height)" }
        public var area: Int { max(0, width) * max(0, height) }
        /// Area shared with `o`.
        public func intersectionArea(_ o: Box) -> Int {
            max(0, min(x + width, o.x + o.width) - max(x, o.x)) * max(0, min(y + height, o.y + o.height) - max(y, o.y))
        }
    }

    /// Share of the smaller box covered by the other. A copied patch pasted elsewhere barely
    /// overlaps its source; a large self-similar area matched against itself at a small shift
    /// (an out-of-focus background, a smooth video frame) overlaps almost entirely.
    public var overlap: Double {
        let small = min(source.area, target.area)
        return small > 0 ? Double(source.intersectionArea(target)) / Double(small) : 1
    }

    /// The copy nearer the top-left (the order is arbitrary: either may be the original).
    public var source: Box
    /// The other copy: `source` moved by `shift`.
    public var target: Box
    /// target - source, in image pixels.
    public var shift: (dx: Int, dy: Int)
    /// Number of matching overlapping blocks that voted for this shift.
    public var blocks: Int

    public init(source: Box, target: Box, shift: (dx: Int, dy: Int), blocks: Int) {
        self.source = source; self.target = target; self.shift = shift; self.blocks = blocks
    }

    public static func == (a: CopyMoveMatch, b: CopyMoveMatch) -> Bool {
        a.source == b.source && a.target == b.target && a.shift == b.shift && a.blocks == b.blocks
    }
}
