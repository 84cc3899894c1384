// Options that every command reading media shares.
import ArgumentParser
import Media

struct MediaOptionGroup: ParsableArguments {
    @Option(help: "Refuse images and frames with more pixels than this (checked from the header).")
    var pixelLimit: Int = MediaOptions.default.pixelLimit
    @Option(help: "Password for encrypted PDFs.") var password: String?

    var options: MediaOptions { MediaOptions(pixelLimit: pixelLimit, password: password) }
}
