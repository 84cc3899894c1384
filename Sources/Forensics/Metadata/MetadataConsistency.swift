// Metadata consistency: a pure function from a MediaSummary (its metadata tree and ingest
// findings) to findings in plain words, a score and measurements. It reads what programs and
// devices wrote about the file (EXIF, XMP, IPTC, container and stream tags, the PDF Info
// dictionary) and looks for traces of editing: the name of an editor or generator, saves after
// capture, dates that cannot be, camera fields a camera would have written, sizes that no longer
// fit the pixels, a thumbnail that no longer fits the picture, re-encoding by FFmpeg.
//
// Score: a noisy-OR, score = 1 - (1 - prior) * Π(1 - wᵢ), over the weight wᵢ of every finding
// (and of counted ingest findings). Each weight reads as "the chance that this trace alone means
// the content was changed". The prior 0.05 says that clean metadata is weak evidence of
// authenticity: metadata is easy to strip, copy or forge. Weights (MetadataConsistency.Weight):
//   metadata-generator                 0.90  a generative AI tool or IPTC "trained algorithmic media"
//   metadata-editor-software           0.45  per editor named (Photoshop, GIMP, Snapseed, FaceApp, ...)
//   metadata-size-mismatch             0.25  EXIF/XMP pixel size differs from the real size
//   metadata-thumbnail-mismatch        0.30  EXIF thumbnail's shape differs from the picture's
//   metadata-implausible-date          0.30  in the future; 0.15 before 1990 (scans, unset clocks)
//   metadata-brand-mismatch            0.30  container brand does not fit the device the tags claim
//   metadata-modified-after-capture    1 - 0.8ⁿ for n distinct saves after capture (n ≤ 3)
//   metadata-date-order                0.25  modified before it was captured
//   metadata-capture-dates-disagree    0.25  EXIF, XMP and IPTC capture dates differ
//   metadata-reencoded                 0.25  per encoder (FFmpeg, HandBrake, ImageMagick, WhatsApp, ...)
//   extension-mismatch (ingest)        0.20  counted, not repeated
//   metadata-raw-developer             0.15  per raw developer (Lightroom, Bibble, darktable, ...)
//   metadata-stripped                  0.10  a JPEG without EXIF (social media strip it too)
//   metadata-no-camera                 0.10  EXIF without Make and Model
//   metadata-software-tables           0.10  camera named, no software, libjpeg's standard tables
//   metadata-no-creation-time          0.10  MP4/MOV without creation_time
//   metadata-creation-time-is-file-time 0.05 creation_time equals the file's modification time
//   metadata-digitized-differs         0.05  DateTimeDigitized differs from DateTimeOriginal
//   metadata-gps                       0     information only
// The weights are hand-set from what each trace means, not fitted; fusion calibrates the score.
import Evidence
import Foundation

/// Metadata consistency analysis.
public enum MetadataConsistency {
    /// The analysis id used as the `source` of its findings.
    public static let source = "metadata"

    /// Weights of the findings (see the file header).
    public enum Weight {
        public static let prior = 0.05
        public static let generator = 0.90
        public static let editor = 0.45
        public static let sizeMismatch = 0.25
        public static let thumbnailMismatch = 0.30
        public static let futureDate = 0.30
        public static let earlyDate = 0.15
        public static let brandMismatch = 0.30
        /// Per save after capture, combined as 1 - (1 - w)ⁿ.
        public static let savePerSession = 0.20
        public static let dateOrder = 0.25
        public static let reencoder = 0.25
        public static let extensionMismatch = 0.20
        public static let rawDeveloper = 0.15
        public static let stripped = 0.10
        public static let noCamera = 0.10
        public static let softwareTables = 0.10
        public static let noCreationTime = 0.10
        public static let creationIsFileTime = 0.05
        public static let digitizedDiffers = 0.05
    }

    /// Checks the metadata of `summary`. `now` bounds plausible dates (a parameter for tests).
    public static func check(_ summary: MediaSummary, now: Date = Date()) -> MetadataConsistencyReport {
        let facts = MetadataFacts(summary)
        if let reason = nothingToCheck(facts) {
            return MetadataConsistencyReport(notApplicable: reason)
        }
        var items: [MetadataConsistencyReport.WeightedFinding] = []
        var measurements: [String: Double] = [:]
        items += software(facts, measurements: &measurements)
        items += dates(facts, now: now, measurements: &measurements)
        switch facts.media {
        case .image: items += image(facts, measurements: &measurements)
        case .video, .audio: items += streams(facts, measurements: &measurements)
        case .pdf: break
        }
        var counted: [MetadataConsistencyReport.WeightedFinding] = []
        for f in summary.findings where f.code == "extension-mismatch" {
            counted.append(.init(f, weight: Weight.extensionMismatch))
        }
        measurements["extension_mismatch"] = counted.isEmpty ? 0 : 1
        measurements["exif"] = facts.hasEXIF ? 1 : 0
        measurements["xmp"] = facts.hasXMP ? 1 : 0
        measurements["iptc"] = facts.hasIPTC ? 1 : 0
        measurements["container_tags"] = Double(facts.containerTags.count)
        measurements["findings"] = Double(items.count)
        let score = noisyOR((items + counted).map(\.weight))
        return MetadataConsistencyReport(items: items, counted: counted, score: score, measurements: measurements)
    }

    /// 1 - (1 - prior) · Π(1 - wᵢ), each weight clamped to 0...1.
    public static func noisyOR(_ weights: [Double], prior: Double = Weight.prior) -> Double {
        let keep = weights.reduce(1 - prior) { $0 * (1 - min(max($1, 0), 1)) }
        return min(max(1 - keep, 0), 1)
    }

    /// The reason there is nothing to check, or nil. A JPEG without any metadata is checked: the
    /// absence is itself the finding (`metadata-stripped`).
    static func nothingToCheck(_ f: MetadataFacts) -> String? {
        switch f.media {
        case .image:
            if f.hasEXIF || f.hasXMP || f.hasIPTC || f.format == "jpeg" { return nil }
            return "no EXIF, XMP or IPTC metadata to check in this \(f.format.uppercased()) file"
        case .video, .audio:
            if !f.containerTags.isEmpty { return nil }
            return "no container or stream tags (encoder, creation_time, handler names, brands) to check"
        case .pdf:
            if f.pdfInfo != nil || f.hasXMP { return nil }
            return "no Info dictionary or XMP to check"
        }
    }

    /// A finding from this analysis.
    static func finding(_ code: String, _ severity: Severity, _ message: String, at location: String? = nil) -> Finding {
        Finding(code: code, severity: severity, message: message, source: source, location: location)
    }
}
