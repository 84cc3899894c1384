// IPTC-IIM: the press-photo metadata (caption, keywords, by-line, city, ...) Photoshop and news
// agencies write into JPEG APP13 as Photoshop resource 0x0404. A list of datasets, each
// 0x1C, record, dataset number, 16-bit length (or, with the top bit set, an extended length of
// up to 4 bytes), then the bytes. Pure Swift, bounds-checked: a damaged block ends the list.
import Foundation

/// The IPTC-IIM datasets of a file.
public struct IPTCData: Sendable, Equatable {
    /// One dataset, e.g. 2:25 Keywords.
    public struct DataSet: Sendable, Equatable {
        public var record: Int
        public var number: Int
        /// IPTC name (`Keywords`, `By-line`) or `2:200` when not in the table.
        public var name: String
        /// Text (UTF-8 when 1:90 declares it or the bytes are valid UTF-8, else Latin-1); the
        /// binary record-version datasets as a decimal number.
        public var value: String
    }

    public let dataSets: [DataSet]

    /// Names of the envelope (1) and application (2) record datasets, as in the IIM 4.2 spec.
    public static let names: [Int: String] = [
        1_000: "EnvelopeRecordVersion", 1_090: "CodedCharacterSet",
        2_000: "ApplicationRecordVersion", 2_003: "ObjectTypeReference", 2_005: "ObjectName", 2_007: "EditStatus",
        2_010: "Urgency", 2_012: "SubjectReference", 2_015: "Category", 2_020: "SupplementalCategories",
        2_022: "FixtureIdentifier", 2_025: "Keywords", 2_026: "ContentLocationCode", 2_027: "ContentLocationName",
        2_030: "ReleaseDate", 2_035: "ReleaseTime", 2_037: "ExpirationDate", 2_038: "ExpirationTime",
        2_040: "SpecialInstructions", 2_045: "ReferenceService", 2_047: "ReferenceDate", 2_050: "ReferenceNumber",
        2_055: "DateCreated", 2_060: "TimeCreated", 2_062: "DigitalCreationDate", 2_063: "DigitalCreationTime",
        2_065: "OriginatingProgram", 2_070: "ProgramVersion", 2_075: "ObjectCycle", 2_080: "By-line",
        2_085: "By-lineTitle", 2_090: "City", 2_092: "Sub-location", 2_095: "Province-State",
        2_100: "Country-PrimaryLocationCode", 2_101: "Country-PrimaryLocationName",
        2_103: "OriginalTransmissionReference", 2_105: "Headline", 2_110: "Credit", 2_115: "Source",
        2_116: "CopyrightNotice", 2_118: "Contact", 2_120: "Caption-Abstract", 2_122: "Writer-Editor",
        2_130: "ImageType", 2_131: "ImageOrientation", 2_135: "LanguageIdentifier",
    ]

    /// Parses IIM bytes (the data of Photoshop resource 0x0404).
    public init(iim b: [UInt8]) {
        var raw: [(Int, Int, ArraySlice<UInt8>)] = []
        var i = 0
        while i + 5 <= b.count, b[i] == 0x1C {
            let record = Int(b[i + 1]), number = Int(b[i + 2])
            var len = Int(b[i + 3]) << 8 | Int(b[i + 4])
            i += 5
            if len & 0x8000 != 0 {
                // Extended dataset: the low 15 bits say how many bytes hold the length.
                let n = len & 0x7FFF
                guard n <= 4, i + n <= b.count else { break }
                len = b[i..<i + n].reduce(0) { $0 << 8 | Int($1) }
                i += n
            }
            guard i + len <= b.count else { break }
            raw.append((record, number, b[i..<i + len]))
            i += len
        }
        // ESC % G in 1:90 declares UTF-8.
        let utf8 = raw.contains { $0.0 == 1 && $0.1 == 90 && Array($0.2) == [0x1B, 0x25, 0x47] }
        dataSets = raw.map { record, number, bytes in
            let key = record * 1000 + number
            let name = Self.names[key] ?? "\(record):\(number)"
            let value: String
            if number == 0 && (record == 1 || record == 2) && bytes.count <= 4 {
                value = String(bytes.reduce(0) { $0 << 8 | Int($1) })
            } else if key == 1_090 {
                value = utf8 ? "UTF-8" : bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
            } else {
                value = Self.text(bytes, utf8: utf8)
            }
            return DataSet(record: record, number: number, name: name, value: value)
        }
    }

    /// The IPTC of a JPEG's bytes (APP13 "Photoshop 3.0", resource 0x0404); nil when there is none.
    public static func find(inJPEG bytes: [UInt8]) -> IPTCData? {
        guard let iim = ImageMetadataBlocks.iptc(inJPEG: bytes) else { return nil }
        let d = IPTCData(iim: iim)
        return d.dataSets.isEmpty ? nil : d
    }

    private static func text(_ b: ArraySlice<UInt8>, utf8: Bool) -> String {
        let trimmed = b.prefix { $0 != 0 }
        if utf8 { return String(decoding: trimmed, as: UTF8.self) }
        if let s = String(validating: Array(trimmed), as: UTF8.self) { return s }
        return String(String.UnicodeScalarView(trimmed.map { Unicode.Scalar($0) }))
    }

    /// Every value of a dataset by name (repeatable ones such as Keywords have several).
    public func values(_ name: String) -> [String] { dataSets.filter { $0.name == name }.map(\.value) }

    /// The first value of a dataset by name.
    public func value(_ name: String) -> String? { dataSets.first { $0.name == name }?.value }

    public var keywords: [String] { values("Keywords") }
    public var caption: String? { value("Caption-Abstract") }
    public var byline: String? { value("By-line") }
}
