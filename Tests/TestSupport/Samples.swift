// Paths to the bundled samples and scratch files for tests.
import Foundation

public enum Samples {
    /// The repository root (two levels above Tests/TestSupport).
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static func path(_ name: String) -> String { root.appendingPathComponent("samples").appendingPathComponent(name).path }
}
