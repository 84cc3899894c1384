// A field whose value differs between two sources (Info and XMP) or two revisions of the same
// document: what findings quote as "Author \"The LaTeX Project\" → \"J. Doe\"".

/// A field whose value differs between two sources or two revisions.
public struct PDFFieldChange: Sendable, Equatable {
    public var field: String
    public var before: String?
    public var after: String?
    public init(field: String, before: String?, after: String?) { self.field = field; self.before = before; self.after = after }
}
