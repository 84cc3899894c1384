// The fusion parameters: per media kind, the decision threshold, the inconclusive band, the
// baseline weight of each branch, and optionally a fitted stacking model and a calibration.
// Lives in models/fusion.json, versioned; the training pipeline rewrites it after fitting on a
// validation set (`Stacking.fit`, `Calibration.fitPlatt`).
import Evidence
import Foundation

/// Fusion parameters for every media kind, as stored in models/fusion.json.
public struct FusionConfig: Codable, Sendable, Equatable {
    public var schema: String = "deepscan.fusion/1"
    /// Bumped whenever weights, thresholds or fitted models change.
    public var version: String
    /// Where the numbers came from, in words (validation set, command, date).
    public var provenance: String
    public var kinds: [String: KindConfig]

    public struct KindConfig: Codable, Sendable, Equatable {
        public var threshold: Double
        public var band: [Double]
        /// Baseline weighted-mean weights by branch id.
        public var weights: [String: Double]
        public var stacking: Stacking?
        public var calibration: Calibration?
        /// Expected calibration error on the validation set, when fitted.
        public var validationECE: Double?
        /// The least total weight of answering branches for a `fake` or `real` label; below it
        /// the label is `inconclusive` whatever the score (clean metadata alone proves nothing).
        public var minimumWeight: Double?

        public init(threshold: Double, band: [Double], weights: [String: Double], stacking: Stacking? = nil,
                    calibration: Calibration? = nil, validationECE: Double? = nil) {
            self.threshold = threshold; self.band = band; self.weights = weights
            self.stacking = stacking; self.calibration = calibration; self.validationECE = validationECE
        }
        enum CodingKeys: String, CodingKey {
            case threshold, band, weights, stacking, calibration, validationECE = "validation_ece", minimumWeight = "minimum_weight"
        }

        public var bandRange: ClosedRange<Double> {
            band.count == 2 && band[0] <= band[1] ? band[0]...band[1] : threshold...threshold
        }
    }

    public init(version: String, provenance: String, kinds: [String: KindConfig]) {
        self.version = version; self.provenance = provenance; self.kinds = kinds
    }

    public func config(for kind: MediaKind) -> KindConfig {
        kinds[kind.rawValue] ?? FusionConfig.builtIn.kinds[kind.rawValue]!
    }

    /// Reads and checks a fusion file. Throws with the path and what is wrong.
    public static func load(_ url: URL) throws -> FusionConfig {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FusionError.unreadable(url.path, "\(error.localizedDescription)") }
        let c: FusionConfig
        do { c = try JSONDecoder().decode(FusionConfig.self, from: data) } catch { throw FusionError.invalid(url.path, "\(error)") }
        guard c.schema == "deepscan.fusion/1" else { throw FusionError.invalid(url.path, "schema \(c.schema), expected deepscan.fusion/1") }
        for (k, kc) in c.kinds {
            guard MediaKind(rawValue: k) != nil else { throw FusionError.invalid(url.path, "unknown media kind \(k)") }
            guard (0...1).contains(kc.threshold), kc.band.count == 2, kc.band[0] <= kc.threshold, kc.threshold <= kc.band[1] || kc.band[0] == kc.band[1] else {
                throw FusionError.invalid(url.path, "\(k): threshold must lie in [0,1] and inside the band")
            }
            guard kc.weights.values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw FusionError.invalid(url.path, "\(k): weights must be finite and non-negative") }
        }
        return c
    }

    /// Used when models/fusion.json is missing: equal-ish weights, threshold 0.5, band 0.35-0.65.
    public static let builtIn: FusionConfig = {
        let w: [String: Double] = ["spatial": 1, "temporal": 1, "autoencoder": 0.5, "audio": 1, "lipsync": 0.5, "forensic": 1, "metadata": 0.5, "pdf": 1]
        var kc = KindConfig(threshold: 0.5, band: [0.35, 0.65], weights: w)
        kc.minimumWeight = 1
        var kinds = Dictionary(uniqueKeysWithValues: MediaKind.allCases.map { ($0.rawValue, kc) })
        // Photo heuristics do not vote on video frames (see models/fusion.json's provenance).
        kinds["video"]!.weights["forensic"] = 0
        // Lip sync shows evidence but does not vote until evaluated (uncalibrated score rule).
        kinds["video"]!.weights["lipsync"] = 0
        // Classical heuristics alone do not decide an image (see models/fusion.json's provenance).
        kinds["image"]!.weights["forensic"] = 0.5
        return FusionConfig(version: "builtin-0", provenance: "built-in defaults, not fitted on data", kinds: kinds)
    }()
}

public enum FusionError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, String)
    case invalid(String, String)
    public var description: String {
        switch self {
        case .unreadable(let p, let d): return "\(p): cannot read fusion parameters (\(d))"
        case .invalid(let p, let d): return "\(p): invalid fusion parameters: \(d)"
        }
    }
}
