// The small convolutional autoencoder of the parity fixture (Scripts/make-neuralkit-fixtures,
// "autoencoder"): conv 3x3 (1->4) + ReLU + max pool 2, conv 3x3 (4->8) + LeakyReLU(0.1) + avg
// pool 2 (the bottleneck, "pool2"), transposed conv 3x3 stride 2 (8->4) + Tanh, nearest upsample
// x2, conv 3x3 (4->1) + Sigmoid. The parity test checks it against ONNX Runtime; the engine
// benchmark times it at larger inputs against the same graph there.

/// Builders for the fixture autoencoder.
public enum ConvAutoencoder {
    /// (N, 1, H, W) -> (N, 1, H, W) with H and W divisible by 4; parameter names as in the fixture.
    public static func make(rng: inout SeededRandom) -> Sequential {
        Sequential(named: [
            ("enc1", Conv2d(1, 4, kernel: 3, padding: 1, rng: &rng)), ("act1", Activation(.relu)), ("pool1", MaxPool2d(kernel: 2)),
            ("enc2", Conv2d(4, 8, kernel: 3, padding: 1, rng: &rng)), ("act2", Activation(.leakyReLU(slope: 0.1))),
            ("pool2", AvgPool2d(kernel: 2)),
            ("dec1", ConvTranspose2d(8, 4, kernel: 3, stride: 2, padding: 1, outputPadding: 1, rng: &rng)),
            ("act3", Activation(.tanh)), ("up", Upsample(factor: 2)),
            ("dec2", Conv2d(4, 1, kernel: 3, padding: 1, rng: &rng)), ("out", Activation(.sigmoid)),
        ])
    }
}
