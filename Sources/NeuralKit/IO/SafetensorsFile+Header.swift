// Validation of the safetensors JSON header: every entry must be an object with a known dtype, a
// shape of non-negative integers, and data offsets that lie inside the data section and match the
// shape's byte size. Anything else is a `SafetensorsError` naming the tensor.
import Foundation

extension SafetensorsFile {
    static func parseHeader(_ data: Data, path: String, dataSize: Int) throws -> ([String: Entry], [String: String]) {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw SafetensorsError.badHeader(path: path, reason: "not JSON (\(error.localizedDescription))")
        }
        guard let object = json as? [String: Any] else {
            throw SafetensorsError.badHeader(path: path, reason: "the top level is not an object")
        }
        var entries: [String: Entry] = [:], metadata: [String: String] = [:]
        for (name, value) in object {
            if name == "__metadata__" {
                guard let m = value as? [String: Any] else {
                    throw SafetensorsError.badHeader(path: path, reason: "__metadata__ is not an object")
                }
                for (k, v) in m {
                    guard let s = v as? String else {
                        throw SafetensorsError.badHeader(path: path, reason: "__metadata__ value for '\(k)' is not a string")
                    }
                    metadata[k] = s
                }
                continue
            }
            func bad(_ reason: String) -> SafetensorsError { .badEntry(path: path, tensor: name, reason: reason) }
            guard let e = value as? [String: Any] else { throw bad("entry is not an object") }
            guard let dtype = e["dtype"] as? String else { throw bad("no dtype string") }
            guard let size = elementSize[dtype] else { throw SafetensorsError.unsupportedDtype(path: path, tensor: name, dtype: dtype) }
            guard let shape = integers(e["shape"]) else { throw bad("shape is not a list of non-negative integers") }
            guard let offsets = integers(e["data_offsets"]), offsets.count == 2 else {
                throw bad("data_offsets is not [begin, end]")
            }
            guard offsets[0] <= offsets[1] else { throw bad("data_offsets \(offsets) run backwards") }
            guard offsets[1] <= dataSize else {
                throw SafetensorsError.dataPastEnd(path: path, tensor: name, end: offsets[1], dataSize: dataSize)
            }
            var count = 1
            for d in shape {
                let (p, overflow) = count.multipliedReportingOverflow(by: d)
                guard !overflow else { throw bad("shape \(shape) overflows") }
                count = p
            }
            let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, bytes == offsets[1] - offsets[0] else {
                throw bad("shape \(shape) of \(dtype) needs \(count) elements but data_offsets \(offsets) hold \(offsets[1] - offsets[0]) bytes")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        return (entries, metadata)
    }

    /// A JSON array of non-negative integers (no fractions, no strings), or nil. (JSON booleans are
    /// NSNumbers on Linux and read as 0/1; harmless, as sizes and offsets are checked afterwards.)
    private static func integers(_ value: Any?) -> [Int]? {
        guard let list = value as? [Any] else { return nil }
        var out: [Int] = []
        for item in list {
            guard let n = item as? NSNumber else { return nil }
            let d = n.doubleValue
            guard d >= 0, d <= 9.0e15, d == d.rounded() else { return nil }
            out.append(Int(d))
        }
        return out
    }
}
