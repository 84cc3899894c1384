// A minimal element tree of an XMP packet, built with Foundation's XMLParser (FoundationXML on
// Linux), without namespace processing so names keep their prefixes (`xmp:CreatorTool`).
// Bounded: depth and element count are capped so a hostile packet cannot exhaust the stack.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML element of an XMP packet.
final class XMPNode {
    let name: String
    /// Attributes sorted by name (XMLParser hands them over unordered).
    let attributes: [(name: String, value: String)]
    var children: [XMPNode] = []
    var text = ""

    init(name: String, attributes: [(name: String, value: String)]) {
        self.name = name; self.attributes = attributes
    }

    func attribute(_ n: String) -> String? { attributes.first { $0.name == n }?.value }

    /// Depth-first search for elements named `n`.
    func descendants(named n: String) -> [XMPNode] {
        children.flatMap { ($0.name == n ? [$0] : []) + $0.descendants(named: n) }
    }
}

/// Builds an `XMPNode` tree; parse errors leave the part read so far.
final class XMPTreeBuilder: NSObject, XMLParserDelegate {
    static let maxDepth = 64
    static let maxElements = 200_000

    let root = XMPNode(name: "#document", attributes: [])
    private var stack: [XMPNode] = []
    private var elements = 0
    private(set) var error: String?

    /// Parses `xml`; returns the root and the first error, if any.
    static func parse(_ xml: String) -> (root: XMPNode, error: String?) {
        let b = XMPTreeBuilder()
        let p = XMLParser(data: Data(xml.utf8))
        p.shouldProcessNamespaces = false
        p.shouldResolveExternalEntities = false
        p.delegate = b
        b.stack = [b.root]
        if !p.parse(), b.error == nil {
            b.error = p.parserError.map { "XML error: \($0.localizedDescription)" } ?? "XML error"
        }
        return (b.root, b.error)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements += 1
        guard stack.count <= Self.maxDepth, elements <= Self.maxElements else {
            error = "XMP packet nests deeper than \(Self.maxDepth) or has over \(Self.maxElements) elements"
            parser.abortParsing()
            return
        }
        let node = XMPNode(name: name, attributes: attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        stack.last?.children.append(node)
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if stack.count > 1 { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = "XML error: \(parseError.localizedDescription)" }
    }
}
