// Decoded pixels: 8-bit RGB, row-major, no padding. What every decoder in Media produces
// (images, video frames, PDF pages) and what Forensics, Detection and the workbench consume.

/// An 8-bit RGB image. `pixels.count == width * height * 3`.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Interleaved R, G, B bytes, row-major, `width * 3` bytes per row.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 3, "RGBImage: \(pixels.count) bytes for \(width)x\(height)")
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// A black image.
    public init(width: Int, height: Int) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 0, count: width * height * 3))
    }

    /// The pixel at column `x`, row `y`.
    @inline(__always)
    public func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Luma (BT.601) as Floats in 0...255, row-major.
    public func luma() -> [Float] {
        var out = [Float](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { p in
            for i in 0..<(width * height) {
                out[i] = 0.299 * Float(p[3 * i]) + 0.587 * Float(p[3 * i + 1]) + 0.114 * Float(p[3 * i + 2])
            }
        }
        return out
    }

    /// Mean absolute difference per channel value against another image of the same size.
    public func meanAbsoluteDifference(_ other: RGBImage) -> Double {
        precondition(width == other.width && height == other.height)
        var sum = 0
        for i in 0..<pixels.count { sum += abs(Int(pixels[i]) - Int(other.pixels[i])) }
        return pixels.isEmpty ? 0 : Double(sum) / Double(pixels.count)
    }
}
