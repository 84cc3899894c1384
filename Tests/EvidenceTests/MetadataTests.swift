import Foundation
import Testing
@testable import Evidence

@Suite struct MetadataTests {
    @Test func groupKeepsOrderAndEncodesAsObject() throws {
        var g = MetadataGroup()
        g.set("b", "two")
        g.set("a", 1)
        var inner = MetadataGroup(); inner.set("x", true)
        g.set("inner", inner)
        let data = try JSONEncoder().encode(g)
        let back = try JSONDecoder().decode(MetadataGroup.self, from: data)
        #expect(back[path: "inner", "x"] == .bool(true))
        #expect(back["b"] == .string("two"))
        #expect(g.entries.map(\.key) == ["b", "a", "inner"])
    }
}
