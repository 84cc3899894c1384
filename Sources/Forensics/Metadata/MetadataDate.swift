// A date as metadata writes it, parsed without guessing: EXIF (`2005:12:26 14:58:01`, optional
// sub-seconds), XMP / ISO 8601 (`2018-06-06T22:53:06-03:00`, `...Z`, date only), FFmpeg's
// `creation_time` (`2006-10-29 14:33:55` or ISO with microseconds) and IPTC (`20051226` +
// `145801+0100`). The wall-clock reading and the UTC offset are kept apart, because EXIF dates
// carry no offset and comparing a local time with a UTC one would invent hours of difference.
import Foundation

/// A parsed metadata date.
public struct MetadataDate: Sendable, Equatable, Comparable {
    /// Seconds since 1970-01-01 00:00 of the wall-clock reading, as if it were UTC.
    public var wallClock: Double
    /// Offset from UTC in seconds, when the text states one (`Z` is 0).
    public var offset: Int?
    /// False for a date without a time of day.
    public var hasTime: Bool
    /// The text as written.
    public var text: String

    /// Parses `text`; nil for empty, zeroed (`0000:00:00 00:00:00`) or unreadable dates.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let ns = t as NSString
        guard let m = Self.pattern.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        guard let y = group(1).flatMap(Int.init), let mo = group(2).flatMap(Int.init), let d = group(3).flatMap(Int.init),
              y >= 1, (1...12).contains(mo), (1...31).contains(d) else { return nil }
        let h = group(4).flatMap(Int.init) ?? 0, mi = group(5).flatMap(Int.init) ?? 0
        var s = Double(group(6).flatMap(Int.init) ?? 0)
        if let frac = group(7) { s += Double("0." + frac) ?? 0 }
        guard h <= 23, mi <= 59, s < 61 else { return nil }
        hasTime = group(4) != nil
        offset = group(8).flatMap(Self.offset)
        wallClock = Double(Self.daysFromCivil(y, mo, d)) * 86400 + Double(h * 3600 + mi * 60) + s
        self.text = t
    }

    /// Year, month, day, then optionally hour, minute, second, fraction and offset; separators
    /// optional so that EXIF, ISO 8601, FFmpeg and packed IPTC forms all fit.
    // NSRegularExpression is immutable and documented thread-safe.
    nonisolated(unsafe) private static let pattern = try! NSRegularExpression(pattern:
        #"^(\d{4})[:\-]?(\d{2})[:\-]?(\d{2})(?:[T ]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"#)

    /// Seconds from `other` to `self` (positive when `self` is later). Absolute instants when both
    /// state an offset; wall-clock readings otherwise.
    public func seconds(since other: MetadataDate) -> Double {
        if let a = offset, let b = other.offset { return (wallClock - Double(a)) - (other.wallClock - Double(b)) }
        return wallClock - other.wallClock
    }

    /// The instant, assuming UTC when no offset is stated.
    public var date: Date { Date(timeIntervalSince1970: wallClock - Double(offset ?? 0)) }

    /// Year of the wall-clock reading.
    public var year: Int { Int(((wallClock / 86400) / 365.2425).rounded(.down)) + 1970 }

    /// `2018-06-06 22:53:06` (wall clock, as written).
    public var display: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = hasTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd"
        return f.string(from: Date(timeIntervalSince1970: wallClock))
    }

    public static func < (a: MetadataDate, b: MetadataDate) -> Bool { a.seconds(since: b) < 0 }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// `Z`, `+hh:mm`, `-hhmm` or `+hh` in seconds.
    private static func offset(_ s: String) -> Int? {
        if s == "Z" || s == "z" { return 0 }
        let sign = s.first == "-" ? -1 : 1
        let digits = s.dropFirst().filter(\.isNumber)
        let hh = Int(digits.prefix(2)) ?? 0, mm = Int(digits.dropFirst(2).prefix(2)) ?? 0
        guard hh <= 14, mm < 60 else { return nil }
        return sign * (hh * 3600 + mm * 60)
    }
}
