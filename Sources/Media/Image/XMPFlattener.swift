// Turns the RDF element tree of an XMP packet into flat (name, value) pairs. RDF allows the same
// property in several spellings; the ones writers use are handled: attributes on rdf:Description
// (shorthand), simple elements, rdf:resource, rdf:Seq/Bag/Alt arrays (simple items joined;
// structured items numbered), and structures as rdf:parseType="Resource", a nested
// rdf:Description, or attribute shorthand on the property element.

enum XMPFlattener {
    private static let arrays: Set<String> = ["rdf:Seq", "rdf:Bag", "rdf:Alt"]

    static func flatten(_ root: XMPNode) -> [XMPPacket.Field] {
        var out: [XMPPacket.Field] = []
        for d in root.descendants(named: "rdf:RDF").flatMap({ $0.children.filter { $0.name == "rdf:Description" } }) {
            structure(d, prefix: "", into: &out)
        }
        return out
    }

    /// Attributes that are properties (not namespace declarations or RDF syntax).
    private static func propertyAttributes(_ n: XMPNode) -> [(name: String, value: String)] {
        n.attributes.filter { !$0.name.hasPrefix("xmlns") && !$0.name.hasPrefix("rdf:") && $0.name != "xml:lang" }
    }

    /// The fields of a structure (an rdf:Description or a parseType=Resource element).
    private static func structure(_ n: XMPNode, prefix: String, into out: inout [XMPPacket.Field]) {
        for a in propertyAttributes(n) { out.append(.init(name: prefix + a.name, value: a.value)) }
        for c in n.children {
            if c.name == "rdf:Description" { structure(c, prefix: prefix, into: &out) } else { property(c, name: prefix + c.name, into: &out) }
        }
    }

    private static func property(_ p: XMPNode, name: String, into out: inout [XMPPacket.Field]) {
        if let r = p.attribute("rdf:resource") { out.append(.init(name: name, value: r)); return }
        if let array = p.children.first(where: { arrays.contains($0.name) }) {
            let items = array.children.filter { $0.name == "rdf:li" }
            let simple = items.allSatisfy { $0.children.isEmpty && propertyAttributes($0).isEmpty && $0.attribute("rdf:parseType") == nil }
            if simple {
                out.append(.init(name: name, value: items.map { trim($0.text) }.joined(separator: "; ")))
            } else {
                for (i, item) in items.enumerated() {
                    let itemName = "\(name)[\(i + 1)]"
                    if item.children.isEmpty && propertyAttributes(item).isEmpty { out.append(.init(name: itemName, value: trim(item.text))) }
                    else { structure(item, prefix: itemName + "/", into: &out) }
                }
            }
            return
        }
        if p.attribute("rdf:parseType") == "Resource" || !p.children.isEmpty || !propertyAttributes(p).isEmpty {
            structure(p, prefix: name + "/", into: &out)
            return
        }
        out.append(.init(name: name, value: trim(p.text)))
    }

    private static func trim(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
