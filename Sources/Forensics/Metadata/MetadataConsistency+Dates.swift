// The date checks. Capture is the earliest capture claim (EXIF DateTimeOriginal, XMP
// photoshop:DateCreated, IPTC DateCreated, Apple's creationdate); a save is any modification
// claim (EXIF DateTime, XMP ModifyDate and editing history, PDF ModDate) more than two minutes
// after it. Saves within two minutes of each other are one save written in several places.
// Time zones: EXIF dates carry no offset, XMP and container dates often do. Two dates that both
// state an offset are compared as instants; otherwise as wall-clock readings, and a difference
// of whole quarter-hours up to 14 h between a date with an offset and one without is read as a
// time zone, not as an edit.
import Evidence
import Foundation

extension MetadataConsistency {
    /// Seconds within which two dates are the same moment (cameras write DateTime a moment late).
    static let sameMoment: Double = 120

    static func dates(_ f: MetadataFacts, now: Date, measurements: inout [String: Double]) -> [MetadataConsistencyReport.WeightedFinding] {
        var out: [MetadataConsistencyReport.WeightedFinding] = []
        let captures = f.dates.filter { $0.role == .capture }
        let capture = captures.min { $0.date < $1.date } ?? (f.media == .image ? nil : f.dates.filter { $0.role == .created }.min { $0.date < $1.date })

        // Implausible: in the future, or before digital capture was common.
        let claims = f.dates.filter { $0.role != .fileModified }
        var implausible: [String] = []
        var implausibleAt: String?
        var weight = 0.0
        for c in claims {
            if c.date.date.timeIntervalSince(now) > 86400 {
                implausible.append("\(c.location) \(c.date.display) is in the future")
                implausibleAt = implausibleAt ?? c.location
                weight = max(weight, Weight.futureDate)
            } else if c.date.year < 1990 {
                let zero = c.date.year == 1970 || c.date.year == 1904
                implausible.append("\(c.location) \(c.date.display) is before 1990" + (zero ? " (a zero timestamp: the writer's clock was not set)" : ""))
                implausibleAt = implausibleAt ?? c.location
                weight = max(weight, Weight.earlyDate)
            }
        }
        if let fileTime = f.dates.first(where: { $0.role == .fileModified }), let cap = capture,
           cap.date.seconds(since: fileTime.date) > 26 * 3600, cap.date.date.timeIntervalSince(now) <= 86400 {
            implausible.append("\(cap.location) \(cap.date.display) is after the file was last written (\(fileTime.date.display) UTC)")
            weight = max(weight, Weight.futureDate)
        }
        if !implausible.isEmpty {
            out.append(.init(finding("metadata-implausible-date", .notice,
                "A date cannot be right: \(implausible.joined(separator: "; ")). The clock was wrong or the date was edited.",
                at: implausibleAt ?? capture?.location), weight: weight))
        }

        // Capture claims that disagree with each other (EXIF against IPTC or XMP).
        if let first = captures.first, let other = captures.dropFirst().first(where: {
            abs($0.date.seconds(since: first.date)) > sameMoment && !isTimeZoneShift($0.date, first.date)
        }) {
            out.append(.init(finding("metadata-capture-dates-disagree", .notice,
                "The capture dates disagree: \(first.location) says \(first.date.display), \(other.location) says \(other.date.display) (\(gapWords(other.date.seconds(since: first.date))) apart). One of them was edited, or written by a program with its own idea of the date.",
                at: other.location), weight: Weight.dateOrder))
        }
        guard let capture else {
            measurements["saves_after_capture"] = 0
            return out
        }
        // Saves after capture, clustered.
        let modifies = f.dates.filter { $0.role == .modify }.sorted { $0.date < $1.date }
        var saves: [[MetadataFacts.DatedClaim]] = []
        var earlier: [MetadataFacts.DatedClaim] = []
        for m in modifies {
            let gap = m.date.seconds(since: capture.date)
            if isTimeZoneShift(m.date, capture.date) || abs(gap) <= sameMoment { continue }
            if gap < 0 { earlier.append(m); continue }
            if let last = saves.last?.last, abs(m.date.seconds(since: last.date)) <= sameMoment || isTimeZoneShift(m.date, last.date) {
                saves[saves.count - 1].append(m)
            } else {
                saves.append([m])
            }
        }
        measurements["saves_after_capture"] = Double(saves.count)
        if let last = saves.last?.last {
            measurements["days_modified_after_capture"] = (last.date.seconds(since: capture.date) / 86400 * 100).rounded() / 100
            let n = min(saves.count, 3)
            let list = saves.map { s in "\(s[0].date.display) (\(s.map(\.location).joined(separator: ", ")))" }.joined(separator: "; ")
            out.append(.init(finding("metadata-modified-after-capture", .notice,
                "Saved \(saves.count == 1 ? "once" : "\(saves.count) times") after it was captured (\(capture.location) \(capture.date.display)); the last save is \(gapWords(last.date.seconds(since: capture.date))) later. Saves: \(list).",
                at: saves[0][0].location), weight: 1 - pow(1 - Weight.savePerSession, Double(n))))
        }
        if let e = earlier.first {
            out.append(.init(finding("metadata-date-order", .notice,
                "\(e.location) \(e.date.display) is \(gapWords(-e.date.seconds(since: capture.date))) before the capture date (\(capture.location) \(capture.date.display)): a file cannot be modified before it was made, so one of the dates was edited or a clock was wrong.",
                at: e.location), weight: Weight.dateOrder))
        }
        if let original = f.dates.first(where: { $0.role == .capture && $0.location.hasPrefix("EXIF") }),
           let digitized = f.dates.first(where: { $0.role == .digitized && $0.location.hasPrefix("EXIF") }),
           abs(digitized.date.seconds(since: original.date)) > sameMoment, !isTimeZoneShift(digitized.date, original.date) {
            out.append(.init(finding("metadata-digitized-differs", .info,
                "EXIF DateTimeDigitized (\(digitized.date.display)) differs from DateTimeOriginal (\(original.date.display)) by \(gapWords(abs(digitized.date.seconds(since: original.date)))): expected for scans of film, unusual for a camera.",
                at: digitized.location), weight: Weight.digitizedDiffers))
        }
        return out
    }

    /// True when exactly one of the dates states an offset and they differ by whole quarter-hours
    /// up to 14 hours: the same moment read in two time zones.
    static func isTimeZoneShift(_ a: MetadataDate, _ b: MetadataDate) -> Bool {
        guard (a.offset == nil) != (b.offset == nil) else { return false }
        let gap = abs(a.seconds(since: b))
        guard gap <= 14 * 3600 + sameMoment else { return false }
        let r = gap.truncatingRemainder(dividingBy: 900)
        return r <= sameMoment || r >= 900 - sameMoment
    }

    /// "3 minutes", "18 days", "2 years".
    static func gapWords(_ seconds: Double) -> String {
        let s = abs(seconds)
        func n(_ v: Double, _ unit: String) -> String { let r = Int(v.rounded()); return "\(r) \(unit)\(r == 1 ? "" : "s")" }
        if s < 3600 { return n(s / 60, "minute") }
        if s < 86400 * 2 { return n(s / 3600, "hour") }
        if s < 86400 * 365 { return n(s / 86400, "day") }
        return String(format: "%.1f years", s / (86400 * 365.25))
    }
}
