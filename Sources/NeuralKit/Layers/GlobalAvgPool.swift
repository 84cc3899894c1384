// Global average pooling: the mean of each channel's plane, (N, C, H, W) -> (N, C). The usual
// bridge from a convolutional trunk to a classifier head and the squeeze of squeeze-and-excitation.

/// Mean over H and W.
public final class GlobalAvgPool: Layer {
    private var lastShape: [Int] = []
    public init() {}

    /// input: (N, C, H, W) -> (N, C)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "GlobalAvgPool expects (N, C, H, W), got \(input.shape)")
        let x = input.contiguous(), nc = x.shape[0] * x.shape[1], plane = x.shape[2] * x.shape[3]
        let y = Tensor(uninitialized: [x.shape[0], x.shape[1]], pool: x.pool)
        let inv = 1 / Float(plane)
        for i in 0..<nc {
            let p = x.pointer + i * plane
            var s: Float = 0
            for j in 0..<plane { s += p[j] }
            y.pointer[i] = s * inv
        }
        lastShape = x.shape
        return y
    }

    /// gradOutput: (N, C) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        precondition(lastShape.count == 4 && gradOutput.shape == [lastShape[0], lastShape[1]],
                     "GlobalAvgPool gradient \(gradOutput.shape) does not match the last forward \(lastShape)")
        let dy = gradOutput.contiguous(), plane = lastShape[2] * lastShape[3], inv = 1 / Float(plane)
        let dx = Tensor(uninitialized: lastShape, pool: dy.pool)
        for i in 0..<dy.count {
            let v = dy.pointer[i] * inv
            (dx.pointer + i * plane).update(repeating: v, count: plane)
        }
        return dx
    }
}
