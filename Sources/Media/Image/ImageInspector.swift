// Headline facts and metadata of an image for `deepscan info` and reports. The size comes from the
// header alone (ImageHeader) and is checked against the pixel limit before anything else; then
// the file's bytes give the JPEG structure (ImageInspector+JPEG.swift), EXIF with GPS and the
// thumbnail (ImageInspector+EXIF.swift), XMP and IPTC. Nothing here decodes pixels: the decoders
// (JPEGCodec, ImageDecoder) do that when an analysis asks.
import Evidence

enum ImageInspector {
    /// Fills `s.width`, `s.height`, the metadata groups `image`, `jpeg`, `exif`, `gps`, `xmp`,
    /// `iptc`, `thumbnail` and ingest findings. Throws `MediaError.tooManyPixels` past
    /// `options.pixelLimit`, `.corrupt`/`.truncated` when the header cannot be read.
    static func inspect(path: String, format: String, options: MediaOptions, into s: inout MediaSummary) throws {
        let bytes = try JPEGLibrary.readFile(path)
        guard let header = ImageHeader.read(head: bytes) else {
            if format == "jpeg" {
                // libjpeg's words are clearer than ours for a JPEG without a frame header.
                _ = try JPEGFile(data: bytes, path: path)
            }
            throw MediaError.corrupt(path: path, detail: "the \(format.uppercased()) header gives no image size")
        }
        guard header.width > 0, header.height > 0 else {
            throw MediaError.corrupt(path: path, detail: "the header claims a \(header.width)×\(header.height) image")
        }
        guard header.pixels <= options.pixelLimit else {
            throw MediaError.tooManyPixels(path: path, width: header.width, height: header.height, limit: options.pixelLimit)
        }
        s.width = header.width
        s.height = header.height

        var image = MetadataGroup()
        image.set("format", header.format)
        image.set("width", header.width)
        image.set("height", header.height)
        image.set("megapixels", (Double(header.pixels) / 1e4).rounded() / 100)
        image.set("bit_depth", header.bitDepth)
        var groups: [(String, MetadataGroup)] = []

        if header.format == "jpeg" {
            let jpeg = try JPEGFile(data: bytes, path: path, scan: true, options: options)
            describe(jpeg, image: &image, groups: &groups, findings: &s.findings)
        }
        let exif = EXIFData(file: bytes, format: header.format)
        if let exif { groups += describe(exif) }
        if header.format == "jpeg" || exif != nil { groups.append(("thumbnail", thumbnailGroup(exif))) }
        if let xmp = XMPPacket.find(in: bytes) {
            groups.append(("xmp", describe(xmp)))
            if !xmp.complete {
                s.findings.append(Finding(code: "xmp-damaged", severity: .notice,
                                          message: "The XMP packet could not be read completely: \(xmp.problem ?? "damaged").",
                                          source: "media", location: "xmp"))
            }
        }
        if header.format == "jpeg", let iptc = IPTCData.find(inJPEG: bytes) { groups.append(("iptc", describe(iptc))) }

        s.metadata.set("image", image)
        for (k, g) in groups { s.metadata.set(k, g) }
    }

    /// Fields of an XMP packet: the raw text, whether it is complete, and each field (a repeated
    /// name gets ` (2)`, ` (3)`, ...).
    static func describe(_ xmp: XMPPacket) -> MetadataGroup {
        var g = MetadataGroup()
        g.set("complete", xmp.complete)
        g.set("problem", xmp.problem)
        g.set("creator_tool", xmp.creatorTool)
        let agents = xmp.historySoftwareAgents
        if !agents.isEmpty { g.set("history_software_agents", .list(agents.map { .string($0) })) }
        g.set("fields", uniqued(xmp.fields.map { ($0.name, $0.value) }))
        g.set("raw", xmp.raw)
        return g
    }

    /// IPTC datasets by name; repeated datasets (Keywords) as lists.
    static func describe(_ iptc: IPTCData) -> MetadataGroup {
        var g = MetadataGroup()
        for name in iptc.dataSets.map(\.name) where g[name] == nil {
            let values = iptc.values(name)
            g.set(name, values.count == 1 ? .string(values[0]) : .list(values.map { .string($0) }))
        }
        return g
    }

    /// A group from pairs whose names may repeat: the second `x` becomes `x (2)`.
    static func uniqued(_ pairs: [(String, String)]) -> MetadataGroup {
        var g = MetadataGroup()
        var seen: [String: Int] = [:]
        for (k, v) in pairs {
            let n = seen[k, default: 0] + 1
            seen[k] = n
            g.set(n == 1 ? k : "\(k) (\(n))", .string(v))
        }
        return g
    }
}
