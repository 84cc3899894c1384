// The image checks: EXIF missing from a JPEG (stripped), EXIF without a camera, a camera named
// but libjpeg's standard tables with no software named, tag sizes that no longer fit the pixels,
// an EXIF thumbnail whose shape no longer fits the picture (cropped after capture, thumbnail kept),
// and GPS (information for the analyst, not a sign of editing).
import Evidence
import Foundation

extension MetadataConsistency {
    static func image(_ f: MetadataFacts, measurements: inout [String: Double]) -> [MetadataConsistencyReport.WeightedFinding] {
        var out: [MetadataConsistencyReport.WeightedFinding] = []
        if f.format == "jpeg" && !f.hasEXIF {
            let others = [f.hasXMP ? "XMP" : nil, f.hasIPTC ? "IPTC" : nil].compactMap { $0 }
            let what = others.isEmpty ? "no EXIF, XMP or IPTC metadata at all" : "no EXIF (only \(others.joined(separator: " and ")))"
            out.append(.init(finding("metadata-stripped", .notice,
                "This JPEG has \(what). Cameras and phones always write EXIF; it was removed by an editor, a privacy tool or a social-media upload, which also removes the traces these checks look for.",
                at: "exif"), weight: Weight.stripped))
        }
        if f.hasEXIF && f.make == nil && f.model == nil {
            out.append(.init(finding("metadata-no-camera", .notice,
                "EXIF is present but names no camera (no Make or Model): it was written by software, not by the device that took the picture.",
                at: "exif.IFD0"), weight: Weight.noCamera))
        }
        if let make = f.make, f.standardTables == true, f.software.isEmpty {
            out.append(.init(finding("metadata-software-tables", .notice,
                "The EXIF names a camera (\([make, f.model].compactMap { $0 }.joined(separator: " "))) and no software, yet the JPEG uses libjpeg's standard quantisation tables (quality \(f.jpegQuality.map(String.init) ?? "?")). Many cameras use their own tables, so the file may have been re-saved by software that kept the EXIF; many phones do use the standard tables, so this is weak.",
                at: "jpeg.quant_tables"), weight: Weight.softwareTables))
        }
        if let w = f.width, let h = f.height {
            let wrong = f.claimedSizes.filter { c in
                c.width > 0 && c.height > 0 && !(c.width == w && c.height == h) && !(c.width == h && c.height == w)
            }
            measurements["size_claims"] = Double(f.claimedSizes.count)
            if !wrong.isEmpty {
                let list = wrong.map { "\($0.location) says \($0.width)×\($0.height)" }.joined(separator: "; ")
                out.append(.init(finding("metadata-size-mismatch", .warning,
                    "The picture is \(w)×\(h) but \(list): it was resized or cropped after those tags were written.",
                    at: wrong[0].location), weight: Weight.sizeMismatch))
            }
            if let t = f.thumbnail, let mismatch = thumbnailMismatch(thumb: t, width: w, height: h) {
                measurements["thumbnail_aspect_difference"] = (mismatch * 1000).rounded() / 1000
                out.append(.init(finding("metadata-thumbnail-mismatch", .warning,
                    String(format: "The EXIF thumbnail (%d×%d) does not have the picture's shape (%d×%d, %.0f%% apart): the picture was cropped or changed after the thumbnail was made, and the thumbnail may still show the original.", t.width, t.height, w, h, mismatch * 100),
                    at: "thumbnail"), weight: Weight.thumbnailMismatch))
            }
        }
        measurements["gps"] = f.gps == nil ? 0 : 1
        if let g = f.gps {
            out.append(.init(finding("metadata-gps", .info,
                String(format: "GPS position recorded: %.5f, %.5f. Not a sign of editing; it says where the device was (or what was written later).", g.latitude, g.longitude),
                at: "gps"), weight: 0))
        }
        return out
    }

    /// Relative difference of aspect ratios when the thumbnail's shape differs from the picture's by
    /// more than 5% in either orientation; nil otherwise. DCF's fixed 160×120 thumbnails, which
    /// cameras letterbox for 3:2 pictures, are not compared.
    static func thumbnailMismatch(thumb: (width: Int, height: Int), width: Int, height: Int) -> Double? {
        guard thumb.width > 0, thumb.height > 0, width > 0, height > 0 else { return nil }
        if (thumb.width == 160 && thumb.height == 120) || (thumb.width == 120 && thumb.height == 160) { return nil }
        let a = Double(thumb.width) / Double(thumb.height), b = Double(width) / Double(height)
        let direct = abs(a - b) / b, rotated = abs(a - 1 / b) * b
        let d = min(direct, rotated)
        return d > 0.05 ? d : nil
    }
}
