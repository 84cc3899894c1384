// Writer for safetensors (the layout is documented in SafetensorsFile.swift): Float32 tensors in
// the order given, the JSON header with sorted keys and padded with spaces to a multiple of 8
// bytes so the data section is aligned, written to a temporary file and renamed into place.
import Foundation

/// Writes Float32 tensors as a safetensors file.
public enum SafetensorsWriter {
    /// Writes `tensors` (unique names) and `metadata` to `path`.
    public static func write(_ tensors: [(String, Tensor)], metadata: [String: String] = [:], to path: String) throws {
        precondition(Set(tensors.map(\.0)).count == tensors.count, "duplicate tensor names")
        var header: [String: Any] = [:]
        var offset = 0
        for (name, t) in tensors {
            header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + 4 * t.count]] as [String: Any]
            offset += 4 * t.count
        }
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var out = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(json)
        for (_, t) in tensors {
            let c = t.contiguous()
            for i in 0..<c.count { withUnsafeBytes(of: c.pointer[i].bitPattern.littleEndian) { out.append(contentsOf: $0) } }
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
