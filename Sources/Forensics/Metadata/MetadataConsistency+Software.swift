// The software check: every program the metadata names (EXIF Software, XMP CreatorTool and
// editing history, IPTC OriginatingProgram, PDF Producer/Creator, container and stream encoder and
// handler tags) is looked up in SoftwareCatalog; generators are also looked for in free text.
// One finding per recognised tool, listing every place that names it and the save dates those
// places record, so an analyst sees "GIMP saved this on 2018-06-06 and on 2018-06-24".
import Evidence

extension MetadataConsistency {
    static func software(_ f: MetadataFacts, measurements: inout [String: Double]) -> [MetadataConsistencyReport.WeightedFinding] {
        var order: [KnownTool] = []
        var places: [KnownTool: [MetadataFacts.SoftwareMention]] = [:]
        func add(_ tool: KnownTool, _ m: MetadataFacts.SoftwareMention) {
            if places[tool] == nil { order.append(tool) }
            if !places[tool, default: []].contains(where: { $0.location == m.location }) { places[tool, default: []].append(m) }
        }
        for m in f.software {
            if let tool = SoftwareCatalog.identify(m.value) { add(tool, m) }
        }
        for (location, text) in f.freeText {
            for tool in SoftwareCatalog.tools where SoftwareCatalog.searchedAnywhere(tool) && tool.matches(text) {
                add(tool, .init(value: String(text.prefix(80)), location: location, date: nil))
                break
            }
        }

        var out: [MetadataConsistencyReport.WeightedFinding] = []
        var counts: [ToolCategory: Int] = [:]
        for tool in order.sorted(by: { rank($0.category) < rank($1.category) }) {
            let mentions = places[tool]!
            counts[tool.category, default: 0] += 1
            let wherePart = mentions.map { m in
                let quoted = m.value == tool.name ? "" : " \"\(m.value)\""
                return "\(m.location)\(quoted)" + (m.date.map { " (saved \($0.display))" } ?? "")
            }.joined(separator: "; ")
            let location = mentions.first?.location
            switch tool.category {
            case .generator:
                out.append(.init(finding("metadata-generator", .warning,
                    "The metadata names \(tool.name), \(tool.category.words): the picture or part of it was probably synthesised. Named in: \(wherePart).",
                    at: location), weight: Weight.generator))
            case .editor:
                out.append(.init(finding("metadata-editor-software", .warning,
                    "The file was saved by \(tool.name), \(tool.category.words) that can change what the picture shows. This alone does not prove manipulation (crops and exports leave the same trace). Named in: \(wherePart).",
                    at: location), weight: Weight.editor))
            case .rawDeveloper:
                out.append(.init(finding("metadata-raw-developer", .notice,
                    "The file was processed by \(tool.name), \(tool.category.words): tone and colour processing, normally not manipulation. Named in: \(wherePart).",
                    at: location), weight: Weight.rawDeveloper))
            case .reencoder:
                out.append(.init(finding("metadata-reencoded", .notice,
                    "The file was re-encoded by \(tool.name). Re-encoding wipes earlier compression traces and is the usual last step of a manipulated video or picture, but also of any conversion or upload. Named in: \(wherePart).",
                    at: location), weight: Weight.reencoder))
            }
        }
        for c in ToolCategory.allCases {
            measurements["software_\(c.rawValue.replacingOccurrences(of: "-", with: "_"))"] = Double(counts[c, default: 0])
        }
        return out
    }

    /// Findings of the strongest category first.
    private static func rank(_ c: ToolCategory) -> Int {
        switch c {
        case .generator: return 0
        case .editor: return 1
        case .reencoder: return 2
        case .rawDeveloper: return 3
        }
    }
}
