// A generator saved in a checkpoint: its 64-bit state as 16 hex digits (a JSON number is a
// double and would lose the low bits). Decoding resumes the sequence exactly where it was.

extension SeededRandom: Codable, Equatable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let hex = try c.decode(String.self)
        guard hex.count == 16, let s = UInt64(hex, radix: 16) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "generator state '\(hex)' is not 16 hex digits")
        }
        self.init(seed: s)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        let hex = String(state, radix: 16)
        try c.encode(String(repeating: "0", count: 16 - hex.count) + hex)
    }

    public static func == (a: SeededRandom, b: SeededRandom) -> Bool { a.state == b.state }
}
