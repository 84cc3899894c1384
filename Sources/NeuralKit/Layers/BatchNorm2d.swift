// Batch normalisation over (N, H, W) per channel. Training uses the batch statistics (biased
// variance to normalise, unbiased to update the running variance, momentum 0.1: PyTorch's
// convention) and backpropagates through them; inference uses the running statistics and can be
// folded into the preceding convolution (`Conv2d.folding(_:)`). Names: `weight`, `bias`,
// `running_mean`, `running_var`.
import Foundation

/// Per-channel batch normalisation of (N, C, H, W) (or (N, C)) input.
public final class BatchNorm2d: Layer {
    public let channels: Int
    public let eps: Float, momentum: Float
    /// gamma: (C)
    public let weight: Parameter
    /// beta: (C)
    public let bias: Parameter
    /// running mean: (C), buffer
    public let runningMean: Parameter
    /// running variance: (C), buffer
    public let runningVar: Parameter
    /// Batch statistics in training mode; running statistics otherwise.
    public private(set) var training = true
    private var lastNormalized: Tensor?   // x-hat: like input
    private var lastInvStd: [Float] = []
    private var lastTrainingPass = true

    public init(_ channels: Int, eps: Float = 1e-5, momentum: Float = 0.1) {
        self.channels = channels; self.eps = eps; self.momentum = momentum
        weight = Parameter(Tensor(repeating: 1, shape: [channels], pool: nil))
        bias = Parameter(Tensor(zeros: [channels], pool: nil))
        runningMean = Parameter(Tensor(zeros: [channels], pool: nil), trainable: false)
        runningVar = Parameter(Tensor(repeating: 1, shape: [channels], pool: nil), trainable: false)
    }

    public var ownParameters: [(String, Parameter)] {
        [("weight", weight), ("bias", bias), ("running_mean", runningMean), ("running_var", runningVar)]
    }

    public func setTraining(_ training: Bool) { self.training = training }

    /// input: (N, C, H, W) or (N, C) -> same shape
    public func forward(_ input: Tensor) -> Tensor {
        precondition((input.rank == 4 || input.rank == 2) && input.shape[1] == channels,
                     "BatchNorm2d(\(channels)) got input \(input.shape)")
        let x = input.contiguous()
        let n = x.shape[0], plane = x.rank == 4 ? x.shape[2] * x.shape[3] : 1, m = n * plane
        let y = Tensor(uninitialized: x.shape, pool: x.pool)
        let xhat = Tensor(uninitialized: x.shape, pool: x.pool)
        if lastInvStd.count != channels { lastInvStd = [Float](repeating: 0, count: channels) }
        let xp = x.pointer, yp = y.pointer, hp = xhat.pointer, isTraining = training
        // Channels are independent: each thread owns its channels' statistics and outputs.
        lastInvStd.withUnsafeMutableBufferPointer { lastInv in
            Parallel.forEach(channels, grain: Parallel.grain(work: 2 * m)) { cs in
                for c in cs {
                    var mean: Float, invStd: Float
                    if isTraining {
                        var s = 0.0, s2 = 0.0
                        for i in 0..<n {
                            let p = xp + (i * channels + c) * plane
                            for j in 0..<plane { let v = Double(p[j]); s += v; s2 += v * v }
                        }
                        let mu = s / Double(m), variance = max(0, s2 / Double(m) - mu * mu)
                        mean = Float(mu); invStd = Float(1 / (variance + Double(eps)).squareRoot())
                        let unbiased = m > 1 ? variance * Double(m) / Double(m - 1) : variance
                        runningMean.value.pointer[c] = (1 - momentum) * runningMean.value.pointer[c] + momentum * mean
                        runningVar.value.pointer[c] = (1 - momentum) * runningVar.value.pointer[c] + momentum * Float(unbiased)
                    } else {
                        mean = runningMean.value.pointer[c]
                        invStd = 1 / (runningVar.value.pointer[c] + eps).squareRoot()
                    }
                    lastInv[c] = invStd
                    let gamma = weight.value.pointer[c], beta = bias.value.pointer[c]
                    for i in 0..<n {
                        let off = (i * channels + c) * plane
                        let p = xp + off, h = hp + off, o = yp + off
                        for j in 0..<plane { let v = (p[j] - mean) * invStd; h[j] = v; o[j] = gamma * v + beta }
                    }
                }
            }
        }
        lastNormalized = xhat
        lastTrainingPass = training
        return y
    }

    /// gradOutput: like input -> like input
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let xhat = lastNormalized else { preconditionFailure("BatchNorm2d.backward before forward") }
        precondition(gradOutput.shape == xhat.shape, "BatchNorm2d gradient \(gradOutput.shape), expected \(xhat.shape)")
        let dy = gradOutput.contiguous()
        let n = xhat.shape[0], plane = xhat.rank == 4 ? xhat.shape[2] * xhat.shape[3] : 1
        let m = Float(n * plane)
        let dx = Tensor(uninitialized: xhat.shape, pool: xhat.pool)
        let dyp = dy.pointer, xh = xhat.pointer, dxp = dx.pointer, trainingPass = lastTrainingPass
        lastInvStd.withUnsafeBufferPointer { lastInv in
            Parallel.forEach(channels, grain: Parallel.grain(work: 2 * n * plane)) { cs in
                for c in cs {
                    var sumDy: Float = 0, sumDyXhat: Float = 0
                    for i in 0..<n {
                        let off = (i * channels + c) * plane
                        for j in 0..<plane { sumDy += dyp[off + j]; sumDyXhat += dyp[off + j] * xh[off + j] }
                    }
                    weight.grad.pointer[c] += sumDyXhat
                    bias.grad.pointer[c] += sumDy
                    let gamma = weight.value.pointer[c], invStd = lastInv[c]
                    for i in 0..<n {
                        let off = (i * channels + c) * plane
                        for j in 0..<plane {
                            let g = dyp[off + j]
                            if trainingPass {
                                // dx = gamma * invStd / m * (m dy - sum dy - xhat * sum(dy xhat))
                                dxp[off + j] = gamma * invStd / m * (m * g - sumDy - xh[off + j] * sumDyXhat)
                            } else {
                                dxp[off + j] = gamma * invStd * g
                            }
                        }
                    }
                }
            }
        }
        return dx
    }
}
