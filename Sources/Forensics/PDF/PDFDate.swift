// Dates as PDF writers spell them, normalised so they can be compared: the Info dictionary's
// `D:YYYYMMDDHHmmSSOHH'mm'` (PDF 32000-1, 7.9.4; every part after the year optional, the
// apostrophes often missing or doubled), XMP's ISO-8601 (`2022-11-30T21:32:43Z`,
// `2022-11-30T21:32:43+01:00`, date only), and the ISO-8601 UTC strings poppler returns.
// A date without a time zone is read as UTC and marked, so a comparison can allow for it.
import Foundation

/// A point in time read from a PDF or XMP date string.
public struct PDFDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Seconds since 1970 (UTC).
    public var date: Date
    /// False when the string gave no time zone (read as UTC).
    public var hasZone: Bool
    /// The string it was read from.
    public var raw: String

    public static func < (a: PDFDate, b: PDFDate) -> Bool { a.date < b.date }

    /// ISO-8601 in UTC, e.g. `2022-11-30T21:32:43Z`.
    public var description: String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// Reads a PDF date (`D:...`) or an ISO-8601 date; nil when it is neither.
    public init?(_ string: String) {
        let s = string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { return nil }
        if let d = Self.parse(s) { self = d } else { return nil }
    }

    private init(date: Date, hasZone: Bool, raw: String) { self.date = date; self.hasZone = hasZone; self.raw = raw }

    /// Whether two dates name the same moment, allowing `tolerance` seconds, and allowing a
    /// whole-hour offset (up to 14 h) when either lacks a time zone.
    public func sameMoment(as other: PDFDate, tolerance: TimeInterval = 1) -> Bool {
        let d = abs(date.timeIntervalSince(other.date))
        if d <= tolerance { return true }
        if !hasZone || !other.hasZone {
            let rem = d.truncatingRemainder(dividingBy: 900)       // quarter-hour zones
            return d <= 14 * 3600 + tolerance && (rem <= tolerance || 900 - rem <= tolerance)
        }
        return false
    }

    private static func parse(_ s: String) -> PDFDate? {
        var chars = Array(s.unicodeScalars)
        if chars.count >= 2 && chars[0] == "D" && chars[1] == ":" { chars.removeFirst(2) }
        // Digits first: YYYY[MM[DD[HH[mm[SS]]]]], optionally with ISO separators between them.
        var fields: [Int] = [], i = 0
        let widths = [4, 2, 2, 2, 2, 2]
        while fields.count < widths.count && i < chars.count {
            let w = widths[fields.count]
            if fields.count > 0, "-T:. ".unicodeScalars.contains(chars[i]) { i += 1; continue }
            guard i + w <= chars.count, let v = Int(String(String.UnicodeScalarView(chars[i..<(i + w)]))) else { break }
            fields.append(v); i += w
        }
        guard let year = fields.first, (1000...9999).contains(year) else { return nil }
        // Fractional seconds (ISO) are skipped.
        if i < chars.count && chars[i] == "." { i += 1; while i < chars.count && ("0"..."9").contains(chars[i]) { i += 1 } }
        var c = DateComponents()
        c.year = year
        c.month = fields.count > 1 ? fields[1] : 1
        c.day = fields.count > 2 ? fields[2] : 1
        c.hour = fields.count > 3 ? fields[3] : 0
        c.minute = fields.count > 4 ? fields[4] : 0
        c.second = fields.count > 5 ? fields[5] : 0
        guard (1...12).contains(c.month!), (1...31).contains(c.day!), (0...24).contains(c.hour!),
              (0...59).contains(c.minute!), (0...60).contains(c.second!) else { return nil }
        var offset = 0, hasZone = false
        if i < chars.count {
            let z = chars[i]
            if z == "Z" || z == "z" { hasZone = true } else if z == "+" || z == "-" {
                let rest = String(String.UnicodeScalarView(chars[(i + 1)...])).filter(\.isNumber)
                let digits = Array(rest)
                let hh = digits.count >= 2 ? Int(String(digits[0..<2])) ?? 0 : 0
                let mm = digits.count >= 4 ? Int(String(digits[2..<4])) ?? 0 : 0
                guard hh <= 14 && mm < 60 else { return nil }
                offset = (hh * 3600 + mm * 60) * (z == "-" ? -1 : 1)
                hasZone = true
            }
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let local = cal.date(from: c) else { return nil }
        return PDFDate(date: local.addingTimeInterval(TimeInterval(-offset)), hasZone: hasZone, raw: s)
    }
}
