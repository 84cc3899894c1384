// A stream the content checks single out (damaged, unknown filter, near-random bytes), named
// by its object number so an analyst can extract it with qpdf --show-object=N --raw-stream-data.

/// One stream with a problem.
public struct PDFStreamIssue: Sendable, Equatable {
    public var object: Int
    public var detail: String
    public init(object: Int, detail: String) { self.object = object; self.detail = detail }
}
