// Re-running one forensic analysis with the analyst's parameters while they look at its map
// (ELA at another JPEG quality, as Forensically and FotoForensics let one do). Runs off the UI
// thread and posts the new map to the mailbox; the evidence screen lays it over the picture.
import Evidence
import Forensics
import Foundation
import Media

/// A recomputed map for a layer id.
public struct LayerUpdate: Sendable {
    public var id: String
    public var map: Heatmap
    public var label: String
}

/// Recomputes adjustable layers in the background.
public final class LayerTuner {
    private let queue = DispatchQueue(label: "deepscan.layer-tuner", qos: .userInitiated)
    private let mailbox: Mailbox
    private var generation = 0

    public init(mailbox: Mailbox) { self.mailbox = mailbox }

    /// The layers whose parameters can be changed in place.
    public static func isAdjustable(_ id: String) -> Bool { id == "forensic/ela" }

    /// Error level analysis of `image` at `quality`; posts a `LayerUpdate` for `forensic/ela`.
    /// A newer request supersedes an older one still running.
    public func ela(_ image: RGBImage, quality: Int) {
        generation += 1
        let g = generation
        let mailbox = mailbox
        let box = GenerationBox(self)
        queue.async {
            guard box.current == g else { return }
            let analysis = ErrorLevelAnalysis(parameters: .init(quality: quality))
            guard let result = try? analysis.analyze(ForensicInput(image: image)), let map = result.maps.first else { return }
            guard box.current == g else { return }
            mailbox.post(LayerUpdate(id: "forensic/ela", map: map, label: "ELA at quality \(quality)"))
        }
    }

    /// Reads the tuner's generation from the worker thread.
    private final class GenerationBox: @unchecked Sendable {
        weak var tuner: LayerTuner?
        init(_ t: LayerTuner) { tuner = t }
        var current: Int { tuner?.generation ?? -1 }
    }
}
