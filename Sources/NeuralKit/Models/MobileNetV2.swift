// MobileNetV2 (Sandler et al. 2018) laid out exactly like torchvision's `mobilenet_v2`, so its
// ImageNet state dict, converted with Scripts/pth-to-safetensors, loads by name:
// `features.0` stem (conv 3x3 stride 2 + BN + ReLU6), `features.1...17` inverted residuals whose
// bodies are `conv.0` (expand ConvBNReLU6, absent when t = 1), depthwise ConvBNReLU6, then the
// linear 1x1 projection and its BN, `features.18` the 1x1 conv to 1280, then global average pool
// and `classifier.1` (after dropout `classifier.0`). The spatial branch's backbone.

/// Builders for MobileNetV2.
public enum MobileNetV2 {
    /// (expansion t, output channels c, repeats n, first stride s) per stage, from the paper.
    public static let stages = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

    /// Conv + BN + ReLU6 as torchvision's `ConvBNReLU` (children "0", "1", "2").
    static func convBNReLU6(_ cin: Int, _ cout: Int, kernel: Int, stride: Int = 1, groups: Int = 1,
                            rng: inout SeededRandom) -> Sequential {
        Sequential([Conv2d(cin, cout, kernel: kernel, stride: stride, padding: (kernel - 1) / 2, groups: groups,
                           bias: false, rng: &rng),
                    BatchNorm2d(cout), Activation(.relu6)])
    }

    /// The whole network: (N, 3, H, W) -> (N, classes) logits. Feature maps: "features".
    public static func make(classes: Int = 1000, dropout: Float = 0.2, rng: inout SeededRandom) -> Sequential {
        var features: [any Layer] = [convBNReLU6(3, 32, kernel: 3, stride: 2, rng: &rng)]
        var c = 32
        for (t, out, n, s) in stages {
            for i in 0..<n {
                let hidden = c * t, stride = i == 0 ? s : 1
                var body: [any Layer] = []
                if t != 1 { body.append(convBNReLU6(c, hidden, kernel: 1, rng: &rng)) }
                body += [convBNReLU6(hidden, hidden, kernel: 3, stride: stride, groups: hidden, rng: &rng),
                         Conv2d(hidden, out, kernel: 1, bias: false, rng: &rng), BatchNorm2d(out)]
                features.append(InvertedResidual(body: Sequential(body), bodyName: "conv", inChannels: c,
                                                 outChannels: out, stride: stride))
                c = out
            }
        }
        features.append(convBNReLU6(c, 1280, kernel: 1, rng: &rng))
        return Sequential(named: [
            ("features", Sequential(features)), ("pool", GlobalAvgPool()),
            ("classifier", Sequential([Dropout(dropout), Linear(1280, classes, rng: &rng)])),
        ])
    }
}
