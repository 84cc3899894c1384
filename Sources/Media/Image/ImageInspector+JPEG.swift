// The JPEG part of the image inspector: coding process and colour in `image`, and a `jpeg` group
// with the quality estimate per table, the tables themselves, sampling, restart interval, the
// APPn/COM markers and what the integrity scan found. Truncation, corrupt data and bytes after
// the end of the image become findings.
import Evidence

extension ImageInspector {
    static func describe(_ f: JPEGFile, image: inout MetadataGroup, groups: inout [(String, MetadataGroup)], findings: inout [Finding]) {
        image.set("components", f.components.count)
        image.set("colour_space", f.colorSpace.description)
        image.set("bit_depth", f.bitsPerSample)
        image.set("progressive", f.isProgressive)
        image.set("arithmetic_coding", f.isArithmetic)

        var j = MetadataGroup()
        let estimates = f.estimatedQuality
        if let first = estimates.first { j.set("quality", first.quality) }
        j.set("standard_tables", estimates.allSatisfy(\.isStandard))
        j.set("quality_per_table", .list(estimates.map { e in
            var q = MetadataGroup()
            q.set("table", e.table)
            q.set("reference", e.chrominance ? "chrominance" : "luminance")
            q.set("quality", e.quality)
            q.set("error", (e.error * 1000).rounded() / 1000)
            q.set("standard", e.isStandard)
            return .group(q)
        }))
        var tables = MetadataGroup()
        for t in f.quantTables.keys.sorted() { tables.set(String(t), .list(f.quantTables[t]!.map { .int(Int64($0)) })) }
        j.set("quant_tables", tables)
        j.set("component_tables", .list(f.components.map { .int(Int64($0.quantTable)) }))
        j.set("sampling", f.samplingFactors)
        j.set("subsampling", f.subsampling)
        j.set("restart_interval", f.restartInterval)
        if let d = f.jfifDensity {
            j.set("jfif_density", "\(d.x)x\(d.y) \(["no unit", "dpi", "dpcm"][min(max(d.unit, 0), 2)])")
        }
        if let t = f.adobeTransform { j.set("adobe_transform", t) }
        j.set("markers", .list(f.markers.map { .string($0.summary) }))
        if let i = f.integrity {
            j.set("truncated", i.truncated)
            j.set("warnings", i.warningCount)
            j.set("last_warning", i.lastWarning)
            j.set("bytes_after_end", i.trailingBytes)
            if i.truncated {
                findings.append(Finding(code: "truncated", severity: .warning,
                                        message: "The file is truncated: the image data ends before the picture does (libjpeg: Premature end of JPEG file). The missing part decodes as grey; fetch a complete copy.",
                                        source: "media", location: "jpeg"))
            } else if i.warningCount > 0 {
                findings.append(Finding(code: "corrupt-data", severity: .warning,
                                        message: "libjpeg reported \(i.warningCount) corrupt-data warning\(i.warningCount == 1 ? "" : "s") (last: \(i.lastWarning ?? "")). Part of the picture may be damaged.",
                                        source: "media", location: "jpeg"))
            }
            if i.trailingBytes > 16 {
                findings.append(Finding(code: "data-after-end", severity: .notice,
                                        message: "\(i.trailingBytes) bytes follow the end-of-image marker. Data appended to a JPEG is invisible in viewers (hidden payloads, a second image, or editor leftovers).",
                                        source: "media", location: "jpeg"))
            }
        }
        groups.append(("jpeg", j))
    }
}
