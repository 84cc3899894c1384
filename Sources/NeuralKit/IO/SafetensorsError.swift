// What can be wrong with a safetensors file or with the match between a file and a model. Every
// case says which file or tensor and what to do, because these reach an analyst loading a model.

/// A safetensors file that cannot be read, or that does not fit the model it is loaded into.
public enum SafetensorsError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case tooShort(path: String, size: Int)
    case headerPastEnd(path: String, headerLength: UInt64, fileSize: Int)
    case badHeader(path: String, reason: String)
    case badEntry(path: String, tensor: String, reason: String)
    case unsupportedDtype(path: String, tensor: String, dtype: String)
    case dataPastEnd(path: String, tensor: String, end: Int, dataSize: Int)
    case missingTensor(path: String, tensor: String, shape: [Int])
    case unexpectedTensor(path: String, tensor: String)
    case shapeMismatch(path: String, tensor: String, expected: [Int], found: [Int])
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(p, r): return "\(p): cannot open (\(r))"
        case let .tooShort(p, s):
            return "\(p): \(s) bytes is too short for safetensors (8-byte header length, then a JSON header); truncated download?"
        case let .headerPastEnd(p, h, s):
            return "\(p): header length \(h) points past the end of the \(s)-byte file; the file is truncated or not safetensors"
        case let .badHeader(p, r): return "\(p): the JSON header is not valid: \(r)"
        case let .badEntry(p, t, r): return "\(p): tensor '\(t)': \(r)"
        case let .unsupportedDtype(p, t, d): return "\(p): tensor '\(t)' has dtype \(d); NeuralKit reads F32, F16 and BF16"
        case let .dataPastEnd(p, t, e, s):
            return "\(p): tensor '\(t)' ends at byte \(e) of a \(s)-byte data section; the file is truncated"
        case let .missingTensor(p, t, s): return "\(p): the model needs tensor '\(t)' with shape \(s), which the file lacks"
        case let .unexpectedTensor(p, t): return "\(p): the file has tensor '\(t)', which the model does not know (wrong architecture?)"
        case let .shapeMismatch(p, t, e, f): return "\(p): tensor '\(t)' has shape \(f) in the file, the model expects \(e)"
        case let .cannotWrite(p, r): return "\(p): cannot write (\(r))"
        }
    }
}
