// Reader for the safetensors weight format (Hugging Face; what PyTorch and ONNX tooling export).
//
// Layout of a file:
//   bytes 0..<8        N, the header length, unsigned 64-bit little-endian
//   bytes 8..<8+N      a UTF-8 JSON object (may be padded with trailing spaces):
//                        { "<tensor name>": { "dtype": "F32" | "F16" | "BF16" | ...,
//                                             "shape": [d0, d1, ...],
//                                             "data_offsets": [begin, end] },
//                          ...,
//                          "__metadata__": { "<key>": "<string value>", ... } }   (optional)
//   bytes 8+N..<EOF    the data section: each tensor's elements, row-major, little-endian,
//                      at [begin, end) relative to the start of the data section
//                      (end - begin == element count * dtype size).
//
// The file is memory-mapped; the header is validated in full when the file is opened (sizes,
// offsets inside the data section, dtype, shape), so later reads cannot run off the mapping.
// Tensors are converted to Float32 on read. Any malformed input is a thrown `SafetensorsError`.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A memory-mapped, validated safetensors file.
public final class SafetensorsFile {
    /// Where one tensor lives in the file.
    public struct Entry: Equatable, Sendable {
        public var dtype: String
        public var shape: [Int]
        /// Byte range inside the data section.
        public var range: Range<Int>
    }

    /// Bytes per element of the dtypes NeuralKit reads.
    static let elementSize: [String: Int] = ["F32": 4, "F16": 2, "BF16": 2]
    /// Largest header accepted (a guard against a garbage length allocating gigabytes).
    static let maxHeaderLength: UInt64 = 100 << 20

    public let path: String
    /// Tensor entries by name.
    public let entries: [String: Entry]
    /// The `__metadata__` strings.
    public let metadata: [String: String]
    private let map: UnsafeRawPointer?
    private let mapLength: Int
    private let dataStart: Int

    /// Maps and validates `path`.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SafetensorsError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SafetensorsError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        guard size >= 8 else { throw SafetensorsError.tooShort(path: path, size: size) }
        guard let m = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED else {
            throw SafetensorsError.cannotOpen(path: path, reason: "mmap: " + String(cString: strerror(errno)))
        }
        let base = UnsafeRawPointer(m)
        map = base; mapLength = size
        do {
            let n = base.loadUnaligned(as: UInt64.self).littleEndian
            guard n <= SafetensorsFile.maxHeaderLength, n <= UInt64(size - 8) else {
                throw SafetensorsError.headerPastEnd(path: path, headerLength: n, fileSize: size)
            }
            dataStart = 8 + Int(n)
            let header = Data(bytes: base + 8, count: Int(n))
            (entries, metadata) = try SafetensorsFile.parseHeader(header, path: path, dataSize: size - dataStart)
        } catch {
            munmap(m, size)
            throw error
        }
    }

    deinit { if let map { munmap(UnsafeMutableRawPointer(mutating: map), mapLength) } }

    /// Tensor names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The tensor `name` converted to Float32 (a standalone copy), or nil when absent.
    public func tensor(_ name: String) -> Tensor? {
        guard let e = entries[name], let map else { return nil }
        let out = Tensor(uninitialized: e.shape, pool: nil)
        let src = map + dataStart + e.range.lowerBound, dst = out.pointer
        let n = out.count
        switch e.dtype {
        case "F32": for i in 0..<n { dst[i] = Float(bitPattern: src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).littleEndian) }
        case "F16": for i in 0..<n { dst[i] = SafetensorsFile.halfToFloat(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self).littleEndian) }
        default: for i in 0..<n { dst[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self).littleEndian) << 16) }
        }
        return out
    }

    /// IEEE 754 binary16 bits to Float (subnormals, infinities and NaN included).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: UInt32 = UInt32(h & 0x8000) << 16, exp = Int((h >> 10) & 0x1F), frac = UInt32(h & 0x3FF)
        if exp == 0 { return (sign != 0 ? -1 : 1) * Float(frac) * powf(2, -24) }
        if exp == 31 { return Float(bitPattern: sign | 0x7F80_0000 | (frac << 13)) }
        return Float(bitPattern: sign | UInt32(exp + 112) << 23 | (frac << 13))
    }
}
