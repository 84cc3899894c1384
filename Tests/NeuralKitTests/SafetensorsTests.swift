// Safetensors round trips and hostile files: every bad input is a thrown error with a useful
// message, never a crash (truncations at every length, garbage headers, offsets past the end).
import Foundation
import Testing
import TestSupport
@testable import NeuralKit

@Suite struct SafetensorsTests {
    static func model(seed: UInt64) -> Sequential {
        var rng = SeededRandom(seed: seed)
        return Sequential([Conv2d(2, 3, kernel: 3, rng: &rng), BatchNorm2d(3), Activation(.relu), GlobalAvgPool(), Linear(3, 2, rng: &rng)])
    }

    /// A file from raw header text and data bytes.
    static func file(_ dir: TempDir, _ name: String, header: String, data: [UInt8] = [], declaredLength: UInt64? = nil) -> String {
        let h = Array(header.utf8)
        var bytes = withUnsafeBytes(of: (declaredLength ?? UInt64(h.count)).littleEndian) { Array($0) }
        bytes += h + data
        return dir.write(name, bytes)
    }

    static func error(_ body: () throws -> Void) -> SafetensorsError? {
        do { try body(); return nil } catch let e as SafetensorsError { return e } catch { return nil }
    }

    @Test func roundTripRestoresEveryParameterAndMetadata() throws {
        let dir = TempDir(), path = dir.path("m.safetensors")
        let a = Self.model(seed: 1), b = Self.model(seed: 2)
        (a["1"] as! BatchNorm2d).runningMean.value.fill(0.25)
        try a.saveWeights(to: path, metadata: ["format": "pt", "arch": "test"])
        let file = try SafetensorsFile(path: path)
        #expect(file.metadata == ["format": "pt", "arch": "test"])
        #expect(file.names == ["0.bias", "0.weight", "1.bias", "1.running_mean", "1.running_var", "1.weight", "4.bias", "4.weight"])
        #expect(file.entries["0.weight"]?.shape == [3, 2, 3, 3])
        try b.loadWeights(from: file)
        for ((n1, p1), (_, p2)) in zip(a.namedParameters(), b.namedParameters()) {
            #expect(p1.value.toArray() == p2.value.toArray(), "\(n1) differs after the round trip")
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let headerLength = Int(Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        #expect(headerLength % 8 == 0 && size > headerLength)
    }

    @Test func mismatchedModelsFailNamingTheTensor() throws {
        let dir = TempDir(), path = dir.path("m.safetensors")
        let a = Self.model(seed: 1)
        var rng = SeededRandom(seed: 3)
        try a.saveWeights(to: path)

        let wider = Sequential([Conv2d(2, 4, kernel: 3, rng: &rng), BatchNorm2d(4), Activation(.relu), GlobalAvgPool(), Linear(4, 2, rng: &rng)])
        let before = wider.namedParameters().map { $0.1.value.toArray() }
        let e1 = Self.error { try wider.loadWeights(path: path) }
        #expect(e1 == .shapeMismatch(path: path, tensor: "0.weight", expected: [4, 2, 3, 3], found: [3, 2, 3, 3]))
        #expect(wider.namedParameters().map { $0.1.value.toArray() } == before, "a failed load must not change the model")

        let more = Sequential([Conv2d(2, 3, kernel: 3, rng: &rng), BatchNorm2d(3), Activation(.relu), GlobalAvgPool(),
                               Linear(3, 2, rng: &rng), Linear(2, 2, rng: &rng)])
        let e2 = Self.error { try more.loadWeights(path: path) }
        #expect(e2 == .missingTensor(path: path, tensor: "5.weight", shape: [2, 2]))
        #expect(e2?.description.contains("'5.weight'") == true)

        let fewer = Sequential([Conv2d(2, 3, kernel: 3, rng: &rng), BatchNorm2d(3), Activation(.relu), GlobalAvgPool()])
        let e3 = Self.error { try fewer.loadWeights(path: path) }
        #expect(e3 == .unexpectedTensor(path: path, tensor: "4.bias"))
    }

    @Test func truncatedFilesAtEveryLengthThrow() throws {
        let dir = TempDir(), path = dir.path("m.safetensors")
        try Self.model(seed: 1).saveWeights(to: path)
        let full = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for length in stride(from: 0, to: full.count, by: 7) {
            let p = dir.write("t\(length)", Array(full.prefix(length)))
            let e = Self.error { _ = try SafetensorsFile(path: p) }
            #expect(e != nil, "a \(length)-byte prefix of \(full.count) was accepted")
        }
        #expect(Self.error { _ = try SafetensorsFile(path: dir.write("short", [1, 2, 3])) } == .tooShort(path: dir.path("short"), size: 3))
    }

    @Test func malformedHeadersThrowClearErrors() {
        let dir = TempDir()
        let past = Self.file(dir, "past", header: "{}", declaredLength: 1 << 40)
        #expect(Self.error { _ = try SafetensorsFile(path: past) } == .headerPastEnd(path: past, headerLength: 1 << 40, fileSize: 10))
        let notJSON = Self.file(dir, "json", header: "{\"a\": [1, 2")
        if case .badHeader = Self.error({ _ = try SafetensorsFile(path: notJSON) }) {} else { Issue.record("bad JSON accepted") }
        let array = Self.file(dir, "array", header: "[1, 2]")
        if case .badHeader = Self.error({ _ = try SafetensorsFile(path: array) }) {} else { Issue.record("array header accepted") }
        let beyond = Self.file(dir, "beyond", header: #"{"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}"#, data: [0, 0, 0, 0])
        #expect(Self.error { _ = try SafetensorsFile(path: beyond) } == .dataPastEnd(path: beyond, tensor: "w", end: 16, dataSize: 4))
        let sizeMismatch = Self.file(dir, "size", header: #"{"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0])
        if case .badEntry(_, "w", _) = Self.error({ _ = try SafetensorsFile(path: sizeMismatch) }) {} else { Issue.record("size mismatch accepted") }
        let negative = Self.file(dir, "neg", header: #"{"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0])
        if case .badEntry(_, "w", _) = Self.error({ _ = try SafetensorsFile(path: negative) }) {} else { Issue.record("negative shape accepted") }
        let dtype = Self.file(dir, "dtype", header: #"{"w": {"dtype": "I64", "shape": [1], "data_offsets": [0, 8]}}"#, data: [UInt8](repeating: 0, count: 8))
        #expect(Self.error { _ = try SafetensorsFile(path: dtype) } == .unsupportedDtype(path: dtype, tensor: "w", dtype: "I64"))
        let huge = Self.file(dir, "huge", header: #"{"w": {"dtype": "F32", "shape": [4611686018427387904, 4], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0])
        #expect(Self.error { _ = try SafetensorsFile(path: huge) } != nil)
        #expect(Self.error { _ = try SafetensorsFile(path: dir.path("absent")) } != nil)
    }

    @Test func randomGarbageNeverCrashes() {
        let dir = TempDir()
        for seed in 0..<50 {
            var bytes = seededBytes(count: 64 + seed * 3, seed: UInt64(seed))
            if seed % 2 == 0 { bytes.replaceSubrange(0..<8, with: withUnsafeBytes(of: UInt64(40).littleEndian) { Array($0) }) }
            let p = dir.write("g\(seed)", bytes)
            #expect(Self.error { _ = try SafetensorsFile(path: p) } != nil)
        }
    }

    @Test func float16WeightsHalveTheFileAndRoundTrip() throws {
        let dir = TempDir(), p32 = dir.path("m32.safetensors"), p16 = dir.path("m16.safetensors")
        let a = Self.model(seed: 1), b = Self.model(seed: 2)
        try a.saveWeights(to: p32)
        try a.saveWeights(to: p16, precision: .float16)
        func dataBytes(_ p: String) throws -> Int {
            let d = try Data(contentsOf: URL(fileURLWithPath: p))
            return d.count - 8 - Int(d.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        }
        #expect(try dataBytes(p16) * 2 == dataBytes(p32))
        try b.loadWeights(path: p16)
        for ((name, p1), (_, p2)) in zip(a.namedParameters(), b.namedParameters()) {
            let err = p1.value.maxAbsDifference(p2.value)
            #expect(err <= p1.value.maxAbs() / 1024, "\(name): F16 round trip error \(err)")
        }
        // Exact cases of the conversion: rounding to nearest even, subnormals, overflow, NaN.
        let f2h = SafetensorsWriter.floatToHalf
        #expect(f2h(1) == 0x3C00 && f2h(-2) == 0xC000 && f2h(65504) == 0x7BFF && f2h(70000) == 0x7C00)
        #expect(f2h(powf(2, -24)) == 0x0001 && f2h(powf(2, -26)) == 0 && f2h(1 + powf(2, -11)) == 0x3C00)
        #expect(f2h(1 + 3 * powf(2, -11)) == 0x3C02 && f2h(.nan) & 0x7C00 == 0x7C00 && f2h(.nan) & 0x3FF != 0)
        for bits in stride(from: 0, to: 0x7C00, by: 37) {
            #expect(f2h(SafetensorsFile.halfToFloat(UInt16(bits))) == UInt16(bits))
        }
    }

    @Test func halfPrecisionTensorsAreWidened() throws {
        let dir = TempDir()
        // 1.0, -2.0, 65504 (max half), 2^-24 (smallest subnormal) as F16; 1.5 as BF16.
        let half: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001]
        var data = half.flatMap { withUnsafeBytes(of: $0.littleEndian) { Array($0) } }
        data += withUnsafeBytes(of: UInt16(0x3FC0).littleEndian) { Array($0) }
        let header = #"{"h": {"dtype": "F16", "shape": [4], "data_offsets": [0, 8]}, "b": {"dtype": "BF16", "shape": [1], "data_offsets": [8, 10]}}"#
        let file = try SafetensorsFile(path: Self.file(dir, "half", header: header, data: data))
        #expect(file.tensor("h")!.toArray() == [1, -2, 65504, powf(2, -24)])
        #expect(file.tensor("b")!.toArray() == [1.5])
    }
}
