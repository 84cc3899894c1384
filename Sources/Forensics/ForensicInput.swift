// The input every analysis shares: decoded pixels, and for JPEG evidence the file itself (its
// quantisation tables and DCT coefficients) and the decoded EXIF thumbnail. Decoding happens once,
// in the caller (the forensic branch decodes through BranchInput.shared).
import Media

/// What an analysis may look at: the decoded pixels and, for JPEG files, the file itself.
public struct ForensicInput: Sendable {
    /// The decoded image.
    public let image: RGBImage
    /// Its BT.601 luma, computed once here because nearly every analysis starts from it.
    public let luma: Plane
    /// The JPEG file (headers, quantisation tables, coefficients) when the evidence is a JPEG.
    public var jpeg: JPEGFile?
    /// The EXIF thumbnail, decoded, when the file carries one.
    public var thumbnail: RGBImage?

    public init(image: RGBImage, jpeg: JPEGFile? = nil, thumbnail: RGBImage? = nil) {
        self.image = image; self.luma = Plane(luma: image); self.jpeg = jpeg; self.thumbnail = thumbnail
    }
}

extension ForensicInput {
    /// Input for a JPEG given by its bytes: decodes the pixels once (strictly, as Media does), reads
    /// the headers and decodes the EXIF thumbnail when there is one (a broken thumbnail is skipped).
    public static func jpeg(data: [UInt8], path: String = "<memory>", options: MediaOptions = .default) throws -> ForensicInput {
        let file = try JPEGFile(data: data, path: path, options: options)
        return ForensicInput(image: try JPEGCodec.decode(data: data, path: path, options: options), jpeg: file,
                             thumbnail: exifThumbnail(data, options: options))
    }

    /// The decoded EXIF thumbnail of a JPEG file's bytes, nil when absent or undecodable.
    public static func exifThumbnail(_ data: [UInt8], options: MediaOptions = .default) -> RGBImage? {
        (try? EXIFData(file: data, format: "jpeg")?.thumbnailImage(options: options)) ?? nil
    }
}
