import Testing
@testable import Media

@Suite struct SnifferTests {
    @Test func magicBytes() {
        #expect(Sniffer.sniff(head: [0xFF, 0xD8, 0xFF, 0xE0])?.format == "jpeg")
        #expect(Sniffer.sniff(head: Array("%PDF-1.5\n".utf8))?.kind == .pdf)
        #expect(Sniffer.sniff(head: Array("RIFF\0\0\0\0WAVEfmt ".utf8))?.format == "wav")
    }
}
