// An XMP metadata packet (the XML in a PDF's /Metadata stream, or in an image) and the few
// simple fields analysts compare with the Info dictionary: title, creator, creator tool,
// producer, dates and the document / instance IDs. Parsed with Foundation's XMLParser; values
// may be element text, `rdf:li` items (joined with "; ") or attributes of `rdf:Description`.
// Prefixes are matched as written (`dc:`, `xmp:`, `pdf:`, `xmpMM:`), which is what every writer
// we know of uses.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A raw XMP packet with its simple fields parsed.
public struct XMPPacket: Sendable, Equatable {
    /// The fields read, as qualified XMP names, in this order.
    public static let fieldNames = ["dc:title", "dc:creator", "xmp:CreatorTool", "xmp:CreateDate", "xmp:ModifyDate",
                                    "pdf:Producer", "xmpMM:DocumentID", "xmpMM:InstanceID"]

    /// The packet as found.
    public var raw: String
    /// Field values by qualified name; only fields present in the packet.
    public var fields: [String: String]
    /// False when the XML is not well-formed (fields then hold what was read before the error).
    public var wellFormed: Bool

    /// Parses `raw`. Never throws: malformed XML gives `wellFormed == false`.
    public init(raw: String) {
        self.raw = raw
        let collector = Collector()
        // XMP packets are small; a huge one is hostile. Parse at most 4 MiB of it.
        let parser = XMLParser(data: Data(raw.utf8.prefix(4 << 20)))
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        wellFormed = parser.parse() && parser.parserError == nil && collector.closedRoot
        fields = collector.fields
    }

    /// Fields in `fieldNames` order.
    public var orderedFields: [(key: String, value: String)] {
        Self.fieldNames.compactMap { k in fields[k].map { (k, $0) } }
    }

    /// SAX delegate that keeps the text of the wanted elements.
    private final class Collector: NSObject, XMLParserDelegate {
        var fields: [String: String] = [:]
        /// Set when the root element closes: corelibs' XMLParser reports success for a document
        /// that simply stops, so an unclosed root is caught here.
        var closedRoot = false
        private var depth = 0
        private var current: String?        // wanted element being read
        private var items: [String] = []    // its rdf:li values
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            if name == "rdf:Description" {
                for k in XMPPacket.fieldNames { if let v = attributes[k], fields[k] == nil { fields[k] = v } }
            }
            if current == nil, XMPPacket.fieldNames.contains(name) { current = name; items = []; text = "" }
            else if current != nil, name == "rdf:li" { text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if current != nil && text.utf8.count < 65_536 { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            if depth == 0 { closedRoot = true }
            guard let c = current else { return }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "rdf:li" {
                if !trimmed.isEmpty { items.append(trimmed) }
                text = ""
            } else if name == c {
                let value = items.isEmpty ? trimmed : items.joined(separator: "; ")
                if !value.isEmpty && fields[c] == nil { fields[c] = value }
                current = nil
            }
        }
    }
}
