// One entry of the software table (SoftwareCatalog): a tool that writes its name into metadata,
// what kind of processing that name implies, and the lower-case fragments that identify it in a
// Software, CreatorTool, Producer or encoder string. Matching is by fragment, not equality,
// because writers append versions and platforms ("Adobe Photoshop 25.0 (Windows)", "Lavf59.27.100").

/// What a tool's name in the metadata says about the file's history.
public enum ToolCategory: String, Sendable, Codable, CaseIterable {
    /// Pixel editors: the file passed through software that can change what the picture shows.
    case editor
    /// Raw developers and photo managers: tone and colour processing, normally not manipulation.
    case rawDeveloper = "raw-developer"
    /// Encoders, converters and messengers: the file was re-compressed, which destroys earlier traces.
    case reencoder = "re-encoder"
    /// Generative AI tools: the picture (or part of it) was synthesised.
    case generator

    /// Plain words for findings.
    public var words: String {
        switch self {
        case .editor: return "an image editor"
        case .rawDeveloper: return "a raw developer / photo manager"
        case .reencoder: return "an encoder or converter"
        case .generator: return "a generative AI tool"
        }
    }
}

/// A tool the catalog recognises.
public struct KnownTool: Sendable, Equatable, Hashable {
    /// Display name ("Adobe Photoshop").
    public var name: String
    public var category: ToolCategory
    /// Lower-case fragments; the tool matches when any occurs in the lower-cased value.
    public var patterns: [String]
    /// Fragments that prevent a match (e.g. "lightroom" for Photoshop's "Adobe Photoshop Lightroom").
    public var excluding: [String]

    public init(_ name: String, _ category: ToolCategory, _ patterns: [String], excluding: [String] = []) {
        self.name = name; self.category = category; self.patterns = patterns; self.excluding = excluding
    }

    /// True when `value` names this tool.
    public func matches(_ value: String) -> Bool {
        let v = value.lowercased()
        guard patterns.contains(where: { Self.contains(v, $0) }) else { return false }
        return !excluding.contains(where: { v.contains($0) })
    }

    /// Fragment search; a fragment that starts with a letter must not continue a longer word
    /// ("gimp" is not found in "skimp"). A leading "^" anchors it at the start of the value.
    static func contains(_ value: String, _ fragment: String) -> Bool {
        if fragment.hasPrefix("^") { return value.hasPrefix(fragment.dropFirst()) }
        var search = value[...]
        while let r = search.range(of: fragment) {
            let before = r.lowerBound == value.startIndex ? nil : value[value.index(before: r.lowerBound)]
            if let b = before, b.isLetter, fragment.first?.isLetter == true {
                search = value[r.upperBound...]
                continue
            }
            return true
        }
        return false
    }
}
