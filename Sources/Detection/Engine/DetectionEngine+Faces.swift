// Faces on a still image go into the report as findings (an image report has no `frames`): one
// `face` finding per face, its box in the message and, machine-readably, in `location` as
// "box x,y,w,h" (pixels), which the workbench parses to draw the boxes.
import Evidence
import Foundation

extension DetectionEngine {
    /// The `location` prefix of a face finding.
    public static let faceBoxPrefix = "box "

    /// One `face` finding per face found on the image; a `faces-unavailable` notice when the
    /// detector could not run (no predictor file), nothing when the image decodes to no faces.
    static func faceFindings(input: BranchInput) -> [Finding] {
        let faces: SampledFaces
        do { faces = try input.faces() } catch is CancellationError { return [] } catch {
            return [Finding(code: "faces-unavailable", severity: .notice, message: "Faces were not looked for: \(error)", source: "faces")]
        }
        let records = faces.byFrame[0] ?? []
        return records.map { f in
            let box = [f.x, f.y, f.width, f.height].map { String(Int($0.rounded())) }
            return Finding(code: "face", severity: .info,
                           message: "\(records.count == 1 ? "1 face" : "Face #\(f.track) of \(records.count)") found at x \(box[0]), y \(box[1]), \(box[2])×\(box[3]) px",
                           source: "faces", location: faceBoxPrefix + box.joined(separator: ","))
        }
    }

    /// The box of a `face` finding's location ("box x,y,w,h"), or nil for any other location.
    public static func faceBox(fromLocation location: String?) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let location, location.hasPrefix(faceBoxPrefix) else { return nil }
        let v = location.dropFirst(faceBoxPrefix.count).split(separator: ",").compactMap { Double($0) }
        return v.count == 4 ? (v[0], v[1], v[2], v[3]) : nil
    }
}
