// One EXIF tag as libexif reads it: where it sits, its number and name, and its value as the text
// libexif renders (exif_entry_get_value), which is what an analyst reads in the metadata pane.

/// One tag of an EXIF directory.
public struct EXIFEntry: Sendable, Equatable {
    public var ifd: EXIFIFD
    /// Tag number, e.g. 0x010F for Make.
    public var tag: UInt16
    /// Tag name from exif_tag_get_name_in_ifd (`Make`, `DateTimeOriginal`), or `Tag0xA500` when
    /// libexif does not know it.
    public var name: String
    /// Display text from exif_entry_get_value (`Canon`, `1/200 sec.`, `Top-left`).
    public var value: String

    public init(ifd: EXIFIFD, tag: UInt16, name: String, value: String) {
        self.ifd = ifd; self.tag = tag; self.name = name; self.value = value
    }
}
