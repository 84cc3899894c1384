// torchvision's ImageNet evaluation preprocessing for a decoded image: resize so the shorter side is
// 256, centre-crop 224x224, scale to 0...1 and normalise per channel with ImageNet's mean and
// standard deviation. What the pretrained MobileNetV2 expects (its model card's input spec); used by
// `deepscan bench precision`. The resize is plain bilinear with aligned pixel centres, without the
// antialiasing filter PIL applies when shrinking, so inputs differ slightly from torchvision's.
import Media

enum ImageNetInput {
    static let mean: [Float] = [0.485, 0.456, 0.406], std: [Float] = [0.229, 0.224, 0.225]

    /// The image as a (3, crop, crop) planar Float array, row-major.
    static func preprocess(_ image: RGBImage) -> [Float] { preprocess(image, resize: 256, crop: 224) }

    static func preprocess(_ image: RGBImage, resize: Int, crop: Int) -> [Float] {
        precondition(image.width > 0 && image.height > 0, "empty image")
        let scale = Float(resize) / Float(min(image.width, image.height))
        let rw = max(crop, Int((Float(image.width) * scale).rounded())), rh = max(crop, Int((Float(image.height) * scale).rounded()))
        let x0 = (rw - crop) / 2, y0 = (rh - crop) / 2
        let sx = Float(image.width) / Float(rw), sy = Float(image.height) / Float(rh)
        var out = [Float](repeating: 0, count: 3 * crop * crop)
        image.pixels.withUnsafeBufferPointer { px in
            for y in 0..<crop {
                let fy = max(0, (Float(y + y0) + 0.5) * sy - 0.5)
                let iy = min(Int(fy), image.height - 1), iy1 = min(iy + 1, image.height - 1), wy = fy - Float(iy)
                for x in 0..<crop {
                    let fx = max(0, (Float(x + x0) + 0.5) * sx - 0.5)
                    let ix = min(Int(fx), image.width - 1), ix1 = min(ix + 1, image.width - 1), wx = fx - Float(ix)
                    for c in 0..<3 {
                        func p(_ xx: Int, _ yy: Int) -> Float { Float(px[(yy * image.width + xx) * 3 + c]) }
                        let top = p(ix, iy) * (1 - wx) + p(ix1, iy) * wx
                        let bottom = p(ix, iy1) * (1 - wx) + p(ix1, iy1) * wx
                        let v = (top * (1 - wy) + bottom * wy) / 255
                        out[(c * crop + y) * crop + x] = (v - mean[c]) / std[c]
                    }
                }
            }
        }
        return out
    }
}
