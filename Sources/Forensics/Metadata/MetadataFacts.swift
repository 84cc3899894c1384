// The facts the consistency checks reason about, read once from a MediaSummary's metadata tree:
// every place a program wrote its name (with the date that place records), every dated claim
// (capture, modification, container creation, file time), the camera, the sizes the tags claim,
// GPS, the thumbnail, the JPEG tables and the container tags. Reading is separate from judging
// so that each check (MetadataConsistency+*.swift) is short and works on plain values.
import Evidence

/// Facts extracted from one file's metadata tree.
struct MetadataFacts {
    /// A place where a program is named.
    struct SoftwareMention {
        var value: String
        /// Where, in plain words ("EXIF Software", "XMP xmp:CreatorTool").
        var location: String
        /// The save date that place records, if any.
        var date: MetadataDate?
    }

    /// What a dated claim says happened.
    enum DateRole { case capture, digitized, modify, created, fileModified }

    /// A date found in the metadata.
    struct DatedClaim {
        var role: DateRole
        var location: String
        var date: MetadataDate
    }

    var media: MediaKind
    var format: String
    var width: Int?
    var height: Int?

    var exif: MetadataGroup?
    /// Flattened XMP fields in packet order (`xmp:CreatorTool`, `exif:Software (2)`, ...).
    var xmp: [(name: String, value: String)] = []
    var hasXMP = false
    var iptc: MetadataGroup?
    var pdfInfo: MetadataGroup?
    var container: MetadataGroup?
    var streams: [MetadataGroup] = []

    var software: [SoftwareMention] = []
    var dates: [DatedClaim] = []
    /// Free text where generators leave traces: descriptions, comments, every XMP and IPTC value.
    var freeText: [(location: String, value: String)] = []

    var make: String?
    var model: String?
    /// Image sizes the tags claim.
    var claimedSizes: [(location: String, width: Int, height: Int)] = []
    var gps: (latitude: Double, longitude: Double)?
    var thumbnail: (width: Int, height: Int)?
    /// True when every JPEG quantisation table is an IJG standard table; nil when not a JPEG.
    var standardTables: Bool?
    var jpegQuality: Int?
    /// Container and stream tags (not ffprobe's structural fields).
    var containerTags: [(location: String, key: String, value: String)] = []

    var hasEXIF: Bool { exif != nil }
    var hasIPTC: Bool { iptc != nil }

    init(_ s: MediaSummary) {
        media = s.media; format = s.format; width = s.width; height = s.height
        let m = s.metadata
        if let t = m.string("file", "modified"), let d = MetadataDate(t) { dates.append(.init(role: .fileModified, location: "file modification time", date: d)) }
        switch s.media {
        case .image: readImage(m)
        case .video, .audio: readStreams(m)
        case .pdf: readPDF(m)
        }
    }

    /// The XMP field `name`, if present.
    func xmpValue(_ name: String) -> String? { xmp.first { $0.name == name }?.value }

    // MARK: reading

    private mutating func readImage(_ m: MetadataGroup) {
        if case .group(let e)? = m["exif"] {
            exif = e
            make = e.string("IFD0", "Make"); model = e.string("IFD0", "Model")
            // EXIF 2.31 keeps sub-seconds and the UTC offset in separate tags; join them to the date.
            func date(_ dir: String, _ key: String, _ suffix: String) -> MetadataDate? {
                guard let d = e.string(dir, key) else { return nil }
                let sub = e.string("EXIF", "SubSecTime" + suffix).flatMap { $0.allSatisfy(\.isNumber) ? "." + $0 : nil } ?? ""
                let offset = e.string("EXIF", "OffsetTime" + suffix).flatMap { MetadataDate("2000:01:01 00:00:00" + $0)?.offset != nil ? $0 : nil } ?? ""
                return MetadataDate(d + sub + offset) ?? MetadataDate(d)
            }
            let modified = date("IFD0", "DateTime", "")
            for key in ["Software", "ProcessingSoftware", "HostComputer"] {
                if let v = e.string("IFD0", key) { software.append(.init(value: v, location: "EXIF \(key)", date: modified)) }
            }
            if let d = modified { dates.append(.init(role: .modify, location: "EXIF DateTime", date: d)) }
            if let d = date("EXIF", "DateTimeOriginal", "Original") { dates.append(.init(role: .capture, location: "EXIF DateTimeOriginal", date: d)) }
            if let d = date("EXIF", "DateTimeDigitized", "Digitized") { dates.append(.init(role: .digitized, location: "EXIF DateTimeDigitized", date: d)) }
            if let w = e.string("EXIF", "PixelXDimension").flatMap(Int.init), let h = e.string("EXIF", "PixelYDimension").flatMap(Int.init) {
                claimedSizes.append(("EXIF PixelXDimension/PixelYDimension", w, h))
            }
            for key in ["ImageDescription", "Artist", "Copyright", "UserComment", "MakerNote"] {
                for dir in ["IFD0", "EXIF"] { if let v = e.string(dir, key) { freeText.append(("EXIF \(key)", v)) } }
            }
        }
        if case .group(let g)? = m["gps"], case .double(let lat)? = g["latitude"], case .double(let lon)? = g["longitude"] { gps = (lat, lon) }
        if case .group(let t)? = m["thumbnail"], case .int(let w)? = t["width"], case .int(let h)? = t["height"] { thumbnail = (Int(w), Int(h)) }
        if case .group(let j)? = m["jpeg"] {
            if case .bool(let b)? = j["standard_tables"] { standardTables = b }
            if case .int(let q)? = j["quality"] { jpegQuality = Int(q) }
        }
        if case .group(let x)? = m["xmp"] {
            hasXMP = true
            if case .group(let f)? = x["fields"] { readXMPFields(f) } else { readXMPFields(x) }
        }
        if case .group(let i)? = m["iptc"] {
            iptc = i
            for e in i.entries { freeText.append(("IPTC \(e.key)", e.value.displayText)) }
            if let p = i.string("OriginatingProgram") {
                software.append(.init(value: [p, i.string("ProgramVersion")].compactMap { $0 }.joined(separator: " "), location: "IPTC OriginatingProgram", date: nil))
            }
            if let d = i.string("DateCreated") {
                let t = i.string("TimeCreated").map { "\(d)T\($0)" } ?? d
                if let date = MetadataDate(t) { dates.append(.init(role: .capture, location: "IPTC DateCreated", date: date)) }
            }
        }
    }

    /// XMP: software fields with the date their block records, dates by role, sizes, free text.
    mutating func readXMPFields(_ f: MetadataGroup) {
        hasXMP = true
        for e in f.entries where e.key != "raw" && e.key != "complete" && e.key != "well_formed" {
            xmp.append((e.key, e.value.displayText))
        }
        let modify = xmpValue("xmp:ModifyDate").flatMap(MetadataDate.init)
        for (name, value) in xmp {
            freeText.append(("XMP \(name)", value))
            let (base, suffix) = Self.splitRepeat(name)
            switch base {
            case "xmp:CreatorTool", "tiff:Software", "exif:Software", "pdf:Producer", "photoshop:History":
                let date = base == "exif:Software" ? xmpValue("exif:DateTime" + suffix).flatMap(MetadataDate.init) : modify
                software.append(.init(value: value, location: "XMP \(name)", date: date))
            case "exif:DateTimeOriginal", "photoshop:DateCreated":
                if let d = MetadataDate(value) { dates.append(.init(role: .capture, location: "XMP \(name)", date: d)) }
            case "exif:DateTimeDigitized":
                if let d = MetadataDate(value) { dates.append(.init(role: .digitized, location: "XMP \(name)", date: d)) }
            case "xmp:CreateDate":
                if let d = MetadataDate(value) { dates.append(.init(role: .created, location: "XMP \(name)", date: d)) }
            case "xmp:ModifyDate", "exif:DateTime", "tiff:DateTime":
                if let d = MetadataDate(value) { dates.append(.init(role: .modify, location: "XMP \(name)", date: d)) }
            default:
                if base.hasPrefix("xmpMM:History["), base.hasSuffix("/stEvt:softwareAgent") {
                    let when = xmpValue(String(name.dropLast("softwareAgent".count)) + "when").flatMap(MetadataDate.init)
                    software.append(.init(value: value, location: "XMP editing history (\(name))", date: when))
                    let action = xmpValue(String(name.dropLast("softwareAgent".count)) + "action")
                    if let w = when { dates.append(.init(role: action == "created" ? .created : .modify, location: "XMP editing history", date: w)) }
                }
            }
        }
        for (w, h) in [("exif:PixelXDimension", "exif:PixelYDimension"), ("tiff:ImageWidth", "tiff:ImageLength")] {
            if let x = xmpValue(w).flatMap(Int.init), let y = xmpValue(h).flatMap(Int.init) { claimedSizes.append(("XMP \(w)/\(h)", x, y)) }
        }
        if make == nil { make = xmpValue("tiff:Make") ?? xmpValue("exif:Make") }
        if model == nil { model = xmpValue("tiff:Model") ?? xmpValue("exif:Model") }
    }

    /// `exif:Software (2)` -> (`exif:Software`, ` (2)`); names without a repeat suffix keep "".
    static func splitRepeat(_ name: String) -> (String, String) {
        guard name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) else { return (name, "") }
        return (String(name[..<open.lowerBound]), String(name[open.lowerBound...]))
    }
}
