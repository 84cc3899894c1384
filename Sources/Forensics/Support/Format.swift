// Number formatting for findings: analysts read "3.4x" and "41 deviations", not 3.41872.
import Foundation

/// Two significant digits for messages.
func fmt(_ x: Double) -> String {
    guard x.isFinite else { return "n/a" }
    return abs(x) >= 10 ? String(Int(x.rounded())) : String(format: "%.1f", x)
}
