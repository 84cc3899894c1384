// A JPEG's structure without decoding its pixels: size, colour space, coding process, sampling,
// quantisation tables and the quality they imply, restart interval and the APPn/COM markers,
// optionally with a pass over the entropy-coded data that finds truncation and corrupt data.
// Read by libjpeg (cjpeg_read_info) from the file's bytes, which the value keeps so that
// `coefficients(component:)` can read the DCT blocks later.
import CJPEG

/// The headers (and optionally the integrity) of one JPEG file.
public struct JPEGFile: Sendable {
    /// One colour component as the frame header (SOFn) declares it.
    public struct Component: Sendable, Equatable {
        public var id: Int
        public var horizontalSampling: Int
        public var verticalSampling: Int
        /// Index of the quantisation table it uses (0...3).
        public var quantTable: Int
    }

    /// What a full pass over the entropy-coded data found.
    public struct Integrity: Sendable, Equatable {
        /// libjpeg ran out of data before the image ended ("Premature end of JPEG file").
        public var truncated: Bool
        /// Warnings about corrupt data, and the last one's text.
        public var warningCount: Int
        public var lastWarning: String?
        /// Bytes after the end-of-image marker (data appended to the file).
        public var trailingBytes: Int
    }

    /// Where the bytes came from (for messages).
    public let path: String
    /// The file's bytes.
    public let data: [UInt8]
    public let width: Int
    public let height: Int
    public let colorSpace: JPEGColorSpace
    /// Bits per sample (8; 12 for some medical and raw-derived files).
    public let bitsPerSample: Int
    public let isProgressive: Bool
    public let isArithmetic: Bool
    /// MCUs between restart markers, 0 when there are none.
    public let restartInterval: Int
    public let components: [Component]
    /// Quantisation tables by index, 64 steps each in natural (row-major) order.
    public let quantTables: [Int: [UInt16]]
    /// APPn/COM markers in file order, before the first scan.
    public let markers: [JPEGMarker]
    /// JFIF density: unit (0 none, 1 dpi, 2 dpcm), x, y; nil without a JFIF marker.
    public let jfifDensity: (unit: Int, x: Int, y: Int)?
    /// Adobe APP14 transform (0 none/CMYK, 1 YCbCr, 2 YCCK); nil without an Adobe marker.
    public let adobeTransform: Int?
    /// Set when the file was read with `scan: true`.
    public let integrity: Integrity?

    /// Reads the headers of the JPEG in `data` (calls `cjpeg_read_info`, which wraps
    /// jpeg_read_header and jpeg_save_markers). With `scan`, also decodes at 1/8 scale to fill
    /// `integrity`; that pass honours `options.pixelLimit`. Throws `MediaError.corrupt` when libjpeg
    /// finds no image (random bytes that only start like a JPEG) and `.truncated` when the file
    /// ends inside its headers.
    public init(data: [UInt8], path: String = "<memory>", scan: Bool = false, options: MediaOptions = .default) throws {
        var info = cjpeg_info()
        var st = cjpeg_status()
        let rc = data.withUnsafeBufferPointer { cjpeg_read_info($0.baseAddress, $0.count, scan ? 1 : 0, Int64(options.pixelLimit), &info, &st) }
        try JPEGLibrary.check(rc, st, path: path, width: Int(info.width), height: Int(info.height), limit: options.pixelLimit)
        self.path = path
        self.data = data
        width = Int(info.width); height = Int(info.height)
        colorSpace = JPEGColorSpace(libjpeg: Int(info.color_space))
        bitsPerSample = Int(info.precision)
        isProgressive = info.progressive != 0
        isArithmetic = info.arithmetic != 0
        restartInterval = Int(info.restart_interval)
        let n = min(Int(info.components), Int(CJPEG_MAX_COMPONENTS))
        let ids = JPEGLibrary.ints(info.component_id, count: n), hs = JPEGLibrary.ints(info.h_samp, count: n)
        let vs = JPEGLibrary.ints(info.v_samp, count: n), qs = JPEGLibrary.ints(info.quant_index, count: n)
        components = (0..<n).map { Component(id: ids[$0], horizontalSampling: hs[$0], verticalSampling: vs[$0], quantTable: qs[$0]) }
        let present = JPEGLibrary.ints(info.quant_present, count: 4)
        let all = JPEGLibrary.uint16s(info.quant, count: 256)
        var tables: [Int: [UInt16]] = [:]
        for t in 0..<4 where present[t] != 0 { tables[t] = Array(all[t * 64..<(t + 1) * 64]) }
        quantTables = tables
        markers = withUnsafeBytes(of: info.markers) { raw in
            raw.bindMemory(to: cjpeg_marker.self).prefix(Int(info.marker_count)).map {
                JPEGMarker(code: Int($0.code), length: Int($0.length), prefix: JPEGLibrary.bytes($0.prefix, count: Int($0.prefix_length)))
            }
        }
        jfifDensity = info.saw_jfif != 0 ? (Int(info.density_unit), Int(info.x_density), Int(info.y_density)) : nil
        adobeTransform = info.saw_adobe != 0 ? Int(info.adobe_transform) : nil
        integrity = info.scanned != 0 || st.premature_end != 0 || st.warning_count > 0
            ? Integrity(truncated: st.premature_end != 0, warningCount: Int(st.warning_count),
                        lastWarning: st.warning_count > 0 ? JPEGLibrary.text(st.last_warning) : nil,
                        trailingBytes: Int(info.trailing_bytes))
            : nil
    }

    /// Reads the file at `path` and its headers; see `init(data:path:scan:options:)`.
    public init(path: String, scan: Bool = false, options: MediaOptions = .default) throws {
        try self.init(data: JPEGLibrary.readFile(path), path: path, scan: scan, options: options)
    }

    /// Chroma subsampling in the usual J:a:b notation (`4:2:0`, `4:4:4`, ...), from the sampling
    /// factors of the first component relative to the second; nil for one component or odd layouts.
    public var subsampling: String? {
        guard components.count >= 3 else { return nil }
        let y = components[0], c = components[1]
        guard c.horizontalSampling > 0, c.verticalSampling > 0,
              components[2].horizontalSampling == c.horizontalSampling, components[2].verticalSampling == c.verticalSampling else { return nil }
        switch (y.horizontalSampling / c.horizontalSampling, y.verticalSampling / c.verticalSampling) {
        case (1, 1): return "4:4:4"
        case (2, 1): return "4:2:2"
        case (2, 2): return "4:2:0"
        case (1, 2): return "4:4:0"
        case (4, 1): return "4:1:1"
        default: return nil
        }
    }

    /// Sampling factors as `HxV` per component: `2x2,1x1,1x1`.
    public var samplingFactors: String {
        components.map { "\($0.horizontalSampling)x\($0.verticalSampling)" }.joined(separator: ",")
    }

    /// Quality estimate of every table, in table order. A table is compared with the chrominance
    /// reference when only non-first components of a 3-component YCbCr image use it.
    public var estimatedQuality: [JPEGQualityEstimate] {
        quantTables.keys.sorted().map { t in
            let users = components.indices.filter { components[$0].quantTable == t }
            let chroma = components.count >= 3 && !users.isEmpty && !users.contains(0) && colorSpace == .ycbcr
            return JPEGQualityEstimate.estimate(table: t, values: quantTables[t]!, chrominance: chroma)
        }
    }

    /// Quantised DCT coefficients of one component (calls `cjpeg_read_coefficients`, which wraps
    /// jpeg_read_coefficients). Honours `options.pixelLimit` before reading.
    public func coefficients(component: Int, options: MediaOptions = .default) throws -> JPEGCoefficients {
        precondition(component >= 0 && component < components.count, "component \(component) of \(components.count)")
        var st = cjpeg_status()
        var ptr: UnsafeMutablePointer<Int16>? = nil
        var bw: Int32 = 0, bh: Int32 = 0
        let rc = data.withUnsafeBufferPointer { cjpeg_read_coefficients($0.baseAddress, $0.count, Int32(component), Int64(options.pixelLimit), &ptr, &bw, &bh, &st) }
        defer { cjpeg_free(ptr) }
        try JPEGLibrary.check(rc, st, path: path, width: width, height: height, limit: options.pixelLimit)
        let count = Int(bw) * Int(bh) * 64
        let values = ptr.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        return JPEGCoefficients(component: component, blocksWide: Int(bw), blocksHigh: Int(bh), values: values)
    }
}
