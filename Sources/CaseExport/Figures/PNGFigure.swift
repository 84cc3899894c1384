// An encoded figure before it becomes a `ReportFigure` (which adds its caption and file name).
import Foundation

/// PNG bytes and their pixel size.
struct PNGFigure {
    var png: Data
    var width: Int
    var height: Int
}
