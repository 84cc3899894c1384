// The colour space a JPEG's components are coded in, as libjpeg decides it from the component
// count, the JFIF and Adobe markers and the component ids (J_COLOR_SPACE).

/// Coding colour space of a JPEG (libjpeg's `jpeg_color_space`).
public enum JPEGColorSpace: Int, Sendable, Equatable, CustomStringConvertible {
    case unknown = 0, grayscale = 1, rgb = 2, ycbcr = 3, cmyk = 4, ycck = 5

    public init(libjpeg value: Int) { self = JPEGColorSpace(rawValue: value) ?? .unknown }

    public var description: String {
        switch self {
        case .unknown: return "unknown"
        case .grayscale: return "grayscale"
        case .rgb: return "RGB"
        case .ycbcr: return "YCbCr"
        case .cmyk: return "CMYK"
        case .ycck: return "YCCK"
        }
    }
}
