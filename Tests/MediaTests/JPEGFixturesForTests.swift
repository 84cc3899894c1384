// Shared helpers of the JPEG, EXIF, XMP and image-inspector tests: a scratch directory, running
// the reference tools (exiftool, ImageMagick, cjpeg, jpegtran, ffmpeg) with Foundation.Process,
// and making bad inputs.
import Foundation
@testable import Media

enum Fixture {
    /// A fresh scratch directory for one test.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-jpeg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Full path of a tool, or nil when it is not installed. ImageMagick is looked up at its
    /// Debian path so that no wrapper earlier on PATH stands in for it.
    static func tool(_ name: String) -> String? {
        let dirs = name == "convert" ? ["/usr/bin"] : ["/usr/bin", "/usr/local/bin", "/bin"]
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool and returns its exit status and standard output.
    @discardableResult
    static func run(_ name: String, _ args: [String], stdin: Data? = nil) throws -> (status: Int32, out: Data) {
        guard let exe = tool(name) else { throw FixtureError.missingTool(name) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        if stdin != nil { p.standardInput = input } else { p.standardInput = FileHandle.nullDevice }
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin); try input.fileHandleForWriting.close() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, data)
    }

    /// Runs a tool that must succeed.
    @discardableResult
    static func must(_ name: String, _ args: [String], stdin: Data? = nil) throws -> Data {
        let r = try run(name, args, stdin: stdin)
        guard r.status == 0 else { throw FixtureError.failed(name, args, r.status) }
        return r.out
    }

    /// `exiftool -json -n` of a file as a dictionary.
    static func exiftool(_ path: String, _ tags: [String] = []) throws -> [String: Any] {
        let out = try must("exiftool", ["-json", "-n"] + tags.map { "-" + $0 } + [path])
        let list = try JSONSerialization.jsonObject(with: out) as? [[String: Any]]
        return list?.first ?? [:]
    }

    /// A PPM (P6) file of an RGB image, the input cjpeg reads.
    static func ppm(_ image: RGBImage) -> Data {
        var d = Data("P6\n\(image.width) \(image.height)\n255\n".utf8)
        d.append(contentsOf: image.pixels)
        return d
    }

    /// A smooth test picture: gradients with a few edges, so compression has something to do.
    static func picture(width: Int, height: Int) -> RGBImage {
        var px = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                px[i] = UInt8((x * 255) / max(width - 1, 1))
                px[i + 1] = UInt8((y * 255) / max(height - 1, 1))
                px[i + 2] = ((x / 16) + (y / 16)) % 2 == 0 ? 200 : 40
            }
        }
        return RGBImage(width: width, height: height, pixels: px)
    }

    /// Writes `image` as a JPEG made by libjpeg's own `cjpeg` at `quality` (extra flags allowed).
    static func cjpeg(_ image: RGBImage, quality: Int, extra: [String] = [], to url: URL) throws {
        let out = try must("cjpeg", ["-quality", "\(quality)"] + extra, stdin: ppm(image))
        try out.write(to: url)
    }

    /// Offset of the first SOFn marker's height field in a JPEG, found by walking the segments.
    static func sofSizeOffset(_ b: [UInt8]) -> Int? {
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let m = b[i + 1]
            let len = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(m) && m != 0xC4 && m != 0xC8 && m != 0xCC { return i + 5 }
            i += 2 + len
        }
        return nil
    }
}

enum FixtureError: Error { case missingTool(String), failed(String, [String], Int32) }
