// Reading the facts of video, audio and PDF files: container and stream tags as StreamInspector
// names them after ffprobe (`encoder`, `creation_time`, `handler_name`, `major_brand`, Apple's
// `com.apple.quicktime.*`, Android's `com.android.*`), and a PDF's Info dictionary and XMP.
import Evidence

extension MetadataFacts {
    mutating func readStreams(_ m: MetadataGroup) {
        if case .group(let c)? = m["container"] {
            container = c
            readTags(c, location: "container")
        }
        if case .list(let items)? = m["streams"] {
            for item in items {
                guard case .group(let st) = item else { continue }
                streams.append(st)
                readTags(st, location: "stream \(st.string("index") ?? String(streams.count - 1))")
            }
        }
        for (location, key, value) in containerTags {
            freeText.append(("\(location) \(key)", value))
            switch key {
            case "encoder", "software", "encoded_by", "com.apple.quicktime.software", "tool", "ISFT", "TSSE", "handler_name":
                software.append(.init(value: value, location: "\(location) \(key)", date: nil))
            case "creation_time", "date":
                if let d = MetadataDate(value) { dates.append(.init(role: .created, location: "\(location) \(key)", date: d)) }
            case "com.apple.quicktime.creationdate":
                if let d = MetadataDate(value) { dates.append(.init(role: .capture, location: "\(location) \(key)", date: d)) }
            case "com.apple.quicktime.make", "make", "com.android.manufacturer":
                make = make ?? value
            case "com.apple.quicktime.model", "model", "com.android.model":
                model = model ?? value
            default: break
            }
        }
        // FFmpeg's mp4 muxer writes this brand triple unless told otherwise; cameras and phones do not.
        if let c = container, c.string("major_brand") == "isom", c.string("minor_version") == "512" {
            software.append(.init(value: "isom, minor_version 512: FFmpeg's mp4 muxer default", location: "container major_brand", date: nil))
        }
        if let lat = containerTags.first(where: { $0.key == "location" || $0.key == "com.apple.quicktime.location.ISO6709" }) {
            gps = Self.iso6709(lat.value)
        }
    }

    private mutating func readTags(_ g: MetadataGroup, location: String) {
        for e in g.entries {
            let key = e.key.hasPrefix("tag:") ? String(e.key.dropFirst(4)) : e.key
            guard !Self.structuralKeys.contains(e.key) else { continue }
            let value = e.value.displayText
            guard !Self.isPlaceholder(key, value) else { continue }
            containerTags.append((location, key, value))
        }
    }

    /// `+48.8577+002.2950/` or `+48.8577+002.2950+035.000/` as latitude and longitude.
    static func iso6709(_ s: String) -> (latitude: Double, longitude: Double)? {
        var numbers: [Double] = []
        var current = ""
        for ch in s {
            if (ch == "+" || ch == "-") && !current.isEmpty { numbers.append(Double(current) ?? .nan); current = "" }
            if ch == "/" { break }
            current.append(ch)
        }
        if !current.isEmpty { numbers.append(Double(current) ?? .nan) }
        guard numbers.count >= 2, numbers[0].isFinite, numbers[1].isFinite, abs(numbers[0]) <= 90, abs(numbers[1]) <= 180 else { return nil }
        return (numbers[0], numbers[1])
    }

    mutating func readPDF(_ m: MetadataGroup) {
        if case .group(let info)? = m["info"], !info.isEmpty {
            pdfInfo = info
            for key in ["Producer", "Creator"] {
                if let v = info.string(key) { software.append(.init(value: v, location: "PDF Info \(key)", date: info.string("ModDate").flatMap(MetadataDate.init))) }
            }
            if let d = info.string("CreationDate").flatMap(MetadataDate.init) { dates.append(.init(role: .created, location: "PDF Info CreationDate", date: d)) }
            if let d = info.string("ModDate").flatMap(MetadataDate.init) { dates.append(.init(role: .modify, location: "PDF Info ModDate", date: d)) }
            for e in info.entries { freeText.append(("PDF Info \(e.key)", e.value.displayText)) }
        }
        if case .group(let x)? = m["xmp"] {
            var fields = MetadataGroup()
            for e in x.entries where e.key != "raw" { fields.set(e.key, e.value) }
            if !fields.isEmpty { readXMPFields(fields) }
        }
    }
}
