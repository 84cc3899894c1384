// Writer for safetensors (the layout is documented in SafetensorsFile.swift): tensors in the order
// given, as F32 or, to halve the file, F16 (IEEE binary16) or BF16 (bfloat16; Float's range, 8
// significant bits), both rounded to nearest even, widened back to Float32 by the reader; the JSON header with sorted keys and padded with spaces to a multiple of 8
// bytes so the data section is aligned, written to a temporary file and renamed into place.
import Foundation

/// Writes tensors as a safetensors file.
public enum SafetensorsWriter {
    /// Element type on disk.
    public enum Precision: String, Sendable { case float32 = "F32", float16 = "F16", bfloat16 = "BF16" }

    /// Writes `tensors` (unique names) and `metadata` to `path`, stored as `precision`.
    public static func write(_ tensors: [(String, Tensor)], metadata: [String: String] = [:],
                             precision: Precision = .float32, to path: String) throws {
        try write(tensors.map { ($0.0, $0.1, precision) }, metadata: metadata, to: path)
    }

    /// Writes `tensors` (unique names), each stored as its own precision (a model in reduced weight
    /// storage writes each tensor as it holds it), and `metadata` to `path`.
    public static func write(_ tensors: [(String, Tensor, Precision)], metadata: [String: String] = [:],
                             to path: String) throws {
        precondition(Set(tensors.map(\.0)).count == tensors.count, "duplicate tensor names")
        var header: [String: Any] = [:]
        var offset = 0
        for (name, t, precision) in tensors {
            let size = precision == .float32 ? 4 : 2
            header[name] = ["dtype": precision.rawValue, "shape": t.shape, "data_offsets": [offset, offset + size * t.count]] as [String: Any]
            offset += size * t.count
        }
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var out = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(json)
        for (_, t, precision) in tensors {
            let c = t.contiguous()
            for i in 0..<c.count {
                switch precision {
                case .float32: withUnsafeBytes(of: c.pointer[i].bitPattern.littleEndian) { out.append(contentsOf: $0) }
                case .float16: withUnsafeBytes(of: floatToHalf(c.pointer[i]).littleEndian) { out.append(contentsOf: $0) }
                case .bfloat16: withUnsafeBytes(of: BFloat16.bits(c.pointer[i]).littleEndian) { out.append(contentsOf: $0) }
                }
            }
        }
        let tmp = path + ".tmp-\(getpid())"
        do {
            try out.write(to: URL(fileURLWithPath: tmp))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: tmp, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw SafetensorsError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}

extension SafetensorsWriter {
    /// Float to IEEE binary16 bits, rounding to nearest even; overflow gives infinity, NaN stays NaN.
    static func floatToHalf(_ f: Float) -> UInt16 {
        let x = f.bitPattern
        let sign = UInt16((x >> 16) & 0x8000)
        if x & 0x7FFF_FFFF >= 0x7F80_0000 { return sign | 0x7C00 | (x & 0x7F_FFFF != 0 ? 0x200 : 0) }
        let exp = Int((x >> 23) & 0xFF) - 127 + 15
        var mant = x & 0x7F_FFFF
        if exp >= 31 { return sign | 0x7C00 }
        if exp <= 0 {
            if exp < -10 { return sign }
            mant |= 0x80_0000
            let shift = UInt32(14 - exp)
            var half = mant >> shift
            let rem = mant & ((1 << shift) - 1), halfway: UInt32 = 1 << (shift - 1)
            if rem > halfway || (rem == halfway && half & 1 == 1) { half += 1 }
            return sign | UInt16(half)
        }
        var half = UInt32(exp) << 10 | (mant >> 13)
        let rem = mant & 0x1FFF
        if rem > 0x1000 || (rem == 0x1000 && half & 1 == 1) { half += 1 }   // a carry may reach infinity: correct
        return sign | UInt16(half)
    }
}
