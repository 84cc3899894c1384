// The video and audio checks beyond the software names (which the software check reads from the
// `encoder` and `handler_name` tags): an MP4/MOV without `creation_time` (cameras and phones always
// write it; FFmpeg drops it unless asked), a `creation_time` equal to the file's own modification
// time (stamped at export), and a container brand that does not fit the device the tags claim
// (an iPhone writes QuickTime `qt  `, not FFmpeg's `isom`).
import Evidence
import Foundation

extension MetadataConsistency {
    /// Formats whose writers are expected to fill `creation_time`.
    static let isoFamily: Set = ["mp4", "mov", "3gp", "m4a", "3g2"]

    static func streams(_ f: MetadataFacts, measurements: inout [String: Double]) -> [MetadataConsistencyReport.WeightedFinding] {
        var out: [MetadataConsistencyReport.WeightedFinding] = []
        let created = f.dates.filter { $0.role == .created && $0.location.hasSuffix("creation_time") }
        let isISO = isoFamily.contains(f.format) || (f.container?.string("format_name")?.contains("mp4") ?? false)
        measurements["creation_time"] = created.isEmpty ? 0 : 1
        if isISO && created.isEmpty {
            out.append(.init(finding("metadata-no-creation-time", .notice,
                "The \(f.format.uppercased()) file has no creation_time. Cameras and phones always write one; FFmpeg and many editors drop it when they re-encode.",
                at: "container"), weight: Weight.noCreationTime))
        }
        if let c = created.first, let file = f.dates.first(where: { $0.role == .fileModified }),
           c.date.offset != nil, abs(c.date.seconds(since: file.date)) <= 2 {
            out.append(.init(finding("metadata-creation-time-is-file-time", .notice,
                "The creation_time (\(c.date.display)) is the file's own modification time: it was stamped when this file was written (an export or re-encode), not when the scene was recorded. A camera copy with preserved times can also look like this, so this is weak.",
                at: c.location), weight: Weight.creationIsFileTime))
        }
        if let brand = f.container?.string("major_brand")?.trimmingCharacters(in: .whitespaces).lowercased(),
           let device = claimedDevice(f) {
            if device.apple && brand != "qt" {
                out.append(.init(finding("metadata-brand-mismatch", .warning,
                    "The tags claim \(device.name), whose files are QuickTime (major_brand \"qt  \"), but the container's brand is \"\(brand)\": the file was rewritten by other software with the device tags copied.",
                    at: "container.major_brand"), weight: Weight.brandMismatch))
            } else if device.android && brand == "qt" {
                out.append(.init(finding("metadata-brand-mismatch", .warning,
                    "The tags claim an Android device (\(device.name)) but the container is QuickTime (major_brand \"qt  \"), which Android's recorder does not write: the file was rewritten by other software.",
                    at: "container.major_brand"), weight: Weight.brandMismatch))
            }
        }
        return out
    }

    /// The device the container tags claim: Apple's `com.apple.quicktime.*` or Android's `com.android.*`.
    static func claimedDevice(_ f: MetadataFacts) -> (name: String, apple: Bool, android: Bool)? {
        let keys = f.containerTags.filter { $0.location == "container" }.map(\.key)
        let name = [f.make, f.model].compactMap { $0 }.joined(separator: " ")
        if keys.contains(where: { $0.hasPrefix("com.apple.quicktime.") }), (f.make ?? "").lowercased().contains("apple") {
            return (name.isEmpty ? "an Apple device" : name, true, false)
        }
        if keys.contains(where: { $0.hasPrefix("com.android.") }) {
            return (name.isEmpty ? "Android" : name, false, true)
        }
        return nil
    }
}
