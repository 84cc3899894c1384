// Writing to stdout and stderr: text, JSON Lines, and errors prefixed with the program name.
import Foundation

enum Output {
    static func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func error(_ s: String) { FileHandle.standardError.write(Data("deepscan: \(s)\n".utf8)) }

    /// One JSON value on one line, keys sorted so output is stable.
    static func jsonLine<T: Encodable>(_ value: T) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try enc.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
