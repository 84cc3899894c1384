// The metadata tree flattened into `path: value` rows for the report's metadata table
// (`exif.Software: GIMP 2.10`). Values are raw evidence strings: renderers escape them. Long values
// and very large trees are cut, and the cut is said, so a hostile file cannot blow up a report.
import Evidence

/// Flattened metadata for reports.
public enum MetadataRows {
    /// At most `limit` rows, each value at most `maxValue` characters; `truncated` is true when rows were dropped.
    public static func rows(_ group: MetadataGroup, limit: Int = 300, maxValue: Int = 300) -> (rows: [(key: String, value: String)], truncated: Bool) {
        var out: [(key: String, value: String)] = []
        var truncated = false
        func walk(_ g: MetadataGroup, _ prefix: String) {
            for e in g.entries {
                if out.count >= limit { truncated = true; return }
                let key = prefix.isEmpty ? e.key : "\(prefix).\(e.key)"
                switch e.value {
                case .group(let sub): walk(sub, key)
                case .list(let items) where items.contains(where: { if case .group = $0 { true } else { false } }):
                    for (i, item) in items.enumerated() {
                        if case .group(let sub) = item { walk(sub, "\(key)[\(i)]") } else { out.append((key: "\(key)[\(i)]", value: cut(item.displayText, maxValue))) }
                    }
                default: out.append((key: key, value: cut(e.value.displayText, maxValue)))
                }
            }
        }
        walk(group, "")
        return (out, truncated)
    }

    static func cut(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
