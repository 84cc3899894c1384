// The result of a lenient JPEG decode: the pixels libjpeg produced plus what went wrong on the
// way. A truncated file still decodes (libjpeg fills the missing part with grey), so an analyst can
// see what is there; the warnings say it is not the whole picture.

/// Pixels plus the warnings of a decode that was allowed to be partial.
public struct JPEGDecoding: Sendable, Equatable {
    public var image: RGBImage
    /// libjpeg ran out of data ("Premature end of JPEG file"): the bottom of the image is filler.
    public var truncated: Bool
    /// Number of corrupt-data warnings, and the last one's text.
    public var warningCount: Int
    public var lastWarning: String?

    public init(image: RGBImage, truncated: Bool, warningCount: Int, lastWarning: String?) {
        self.image = image; self.truncated = truncated; self.warningCount = warningCount; self.lastWarning = lastWarning
    }

    /// True when libjpeg decoded without a single warning.
    public var isClean: Bool { warningCount == 0 && !truncated }
}
