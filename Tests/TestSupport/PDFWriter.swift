// Writes small, valid PDFs for tests: one page per JPEG, each JPEG embedded as a DCTDecode image
// XObject drawn over the whole page. Offsets in the xref table are computed, not guessed.
import Foundation

public enum PDFWriter {
    /// A PDF with one page per JPEG (width × height points, the image's own size).
    public static func pdf(jpegs: [(data: [UInt8], width: Int, height: Int)]) -> [UInt8] {
        var out = Array("%PDF-1.4\n%\u{e2}\u{e3}\u{cf}\u{d3}\n".utf8)
        var offsets: [Int] = []
        func obj(_ body: [UInt8]) { offsets.append(out.count); out += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8) }
        let n = jpegs.count
        // 1 catalog, 2 pages, then per page: page, contents, image.
        let kids = (0..<n).map { "\(3 + 3 * $0) 0 R" }.joined(separator: " ")
        obj(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        obj(Array("<< /Type /Pages /Kids [\(kids)] /Count \(n) >>".utf8))
        for (i, j) in jpegs.enumerated() {
            let page = 3 + 3 * i, contents = page + 1, image = page + 2
            obj(Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(j.width) \(j.height)] /Resources << /XObject << /Im\(i) \(image) 0 R >> >> /Contents \(contents) 0 R >>".utf8))
            let draw = Array("q \(j.width) 0 0 \(j.height) 0 0 cm /Im\(i) Do Q".utf8)
            obj(Array("<< /Length \(draw.count) >>\nstream\n".utf8) + draw + Array("\nendstream".utf8))
            obj(Array("<< /Type /XObject /Subtype /Image /Width \(j.width) /Height \(j.height) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length \(j.data.count) >>\nstream\n".utf8)
                + j.data + Array("\nendstream".utf8))
        }
        let xref = out.count
        out += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets { out += Array(String(format: "%010d 00000 n \n", o).utf8) }
        out += Array("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}
