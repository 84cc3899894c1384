// The EXIF values the metadata branch and the workbench reason about, typed: camera, software,
// the three dates, orientation, GPS position as signed decimal degrees, and the image size the
// tags claim (which may disagree with the real pixels: a sign of editing).

/// Typed values from an EXIF block. Every field is nil when the tag is absent or malformed.
public struct EXIFFields: Sendable, Equatable {
    public var make: String?
    public var model: String?
    public var lensModel: String?
    public var software: String?
    /// IFD0 DateTime: when the file was last changed, as written (`2005:12:26 14:58:01`).
    public var dateTime: String?
    public var dateTimeOriginal: String?
    public var dateTimeDigitized: String?
    /// 1...8 (1 is upright).
    public var orientation: Int?
    /// Degrees, negative south.
    public var latitude: Double?
    /// Degrees, negative west.
    public var longitude: Double?
    /// Metres, negative below sea level.
    public var altitude: Double?
    /// IFD0 ImageWidth/ImageLength (TIFF files, some cameras).
    public var imageWidth: Int?
    public var imageHeight: Int?
    /// EXIF PixelXDimension/PixelYDimension.
    public var pixelXDimension: Int?
    public var pixelYDimension: Int?

    public init() {}
}
