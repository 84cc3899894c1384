// The five image file directories an EXIF block can hold, in the order DeepScan shows them.
import CExif

/// An EXIF image file directory (libexif's ExifIfd).
public enum EXIFIFD: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Main image: Make, Model, Software, DateTime, Orientation.
    case ifd0 = 0
    /// Camera settings and capture times (DateTimeOriginal, LensModel, PixelXDimension).
    case exif = 2
    case gps = 3
    case interoperability = 4
    /// The thumbnail's directory.
    case ifd1 = 1

    /// Display name and metadata group key.
    public var description: String {
        switch self {
        case .ifd0: return "IFD0"
        case .exif: return "EXIF"
        case .gps: return "GPS"
        case .interoperability: return "Interoperability"
        case .ifd1: return "IFD1"
        }
    }

    var libexif: ExifIfd { ExifIfd(rawValue: UInt32(rawValue)) }
}
