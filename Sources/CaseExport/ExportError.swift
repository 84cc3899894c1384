// What can go wrong while exporting a case report, in words an analyst can act on.

/// An export failure: a bad layout file, a cairo error, a figure that could not be made.
public struct ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
