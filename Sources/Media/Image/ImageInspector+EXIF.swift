// The EXIF part of the image inspector: one sub-group per directory (IFD0, EXIF, GPS,
// Interoperability, IFD1) with libexif's display text, a `gps` group in signed decimal degrees,
// and a `thumbnail` group (present, size, dimensions from the thumbnail's own JPEG header).
import Evidence

extension ImageInspector {
    static func describe(_ exif: EXIFData) -> [(String, MetadataGroup)] {
        var e = MetadataGroup()
        for ifd in EXIFIFD.allCases {
            let list = exif.entries(ifd)
            e.set(ifd.description, uniqued(list.map { ($0.name, $0.value) }))
        }
        var out: [(String, MetadataGroup)] = [("exif", e)]
        let f = exif.fields
        var gps = MetadataGroup()
        gps.set("latitude", f.latitude)
        gps.set("longitude", f.longitude)
        gps.set("altitude", f.altitude)
        if !gps.isEmpty { out.append(("gps", gps)) }
        return out
    }

    static func thumbnailGroup(_ exif: EXIFData?) -> MetadataGroup {
        var t = MetadataGroup()
        guard let bytes = exif?.thumbnail else {
            t.set("present", false)
            return t
        }
        t.set("present", true)
        t.set("bytes", bytes.count)
        if let h = ImageHeader.read(head: bytes) {
            t.set("format", h.format)
            t.set("width", h.width)
            t.set("height", h.height)
        } else {
            t.set("format", "unknown")
        }
        return t
    }
}
