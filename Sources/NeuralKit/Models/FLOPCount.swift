// Floating-point operations of a forward pass, counted from the layer geometry the model actually
// sees: the walk runs the forward pass once (so every shape is the real one, pooling and
// upsampling included) and adds 2 x multiply-adds for every convolution, transposed convolution,
// linear layer and recurrent gemm. Element-wise work (activations, BatchNorm, pooling, the LSTM
// gate non-linearities) is not counted, as in the usual "FLOPs = 2 MACs" convention that papers
// and ONNX profilers quote, so GFLOP/s figures compare with sgemm's.

/// Counts forward-pass FLOPs of a model on a given input.
public enum FLOPCount {
    /// 2 x multiply-adds of `model.forward(input)`; runs the forward pass once to learn the shapes.
    public static func forward(_ model: any Layer, input: Tensor) -> Int {
        var flops = 0
        _ = walk(model, input, &flops)
        return flops
    }

    /// Runs `layer` on `x`, adding its FLOPs (recursing into containers), and returns its output.
    static func walk(_ layer: any Layer, _ x: Tensor, _ flops: inout Int) -> Tensor {
        switch layer {
        case let seq as Sequential:
            var y = x
            for (_, l) in seq.layers { y = walk(l, y, &flops) }
            return y
        case let block as InvertedResidual:
            // The skip addition is element-wise: not counted.
            _ = walk(block.body, x, &flops)
            return block.forward(x)
        case let stack as RecurrentStack:
            var y = x
            for l in stack.layers { y = walk(l, y, &flops) }
            return y
        case let conv as Conv2d:
            flops += 2 * conv.geometry(for: x.shape).macs
        case let deconv as ConvTranspose2d:
            // The adjoint convolution (our output -> our input) has the same multiply-adds.
            flops += 2 * deconv.adjointGeometry(x.shape).macs
        case let linear as Linear:
            flops += 2 * x.count / linear.inFeatures * linear.inFeatures * linear.outFeatures
        case let lstm as LSTM:
            flops += recurrent(x, gates: 4, input: lstm.inputSize, hidden: lstm.hiddenSize, directions: lstm.bidirectional ? 2 : 1)
        case let gru as GRU:
            flops += recurrent(x, gates: 3, input: gru.inputSize, hidden: gru.hiddenSize, directions: gru.bidirectional ? 2 : 1)
        default:
            break
        }
        return layer.forward(x)
    }

    /// Input projection (N*T, F) x (F, G*H) and the recurrent (N, H) x (H, G*H) at every step, per direction.
    /// x: (N, T, F)
    static func recurrent(_ x: Tensor, gates: Int, input: Int, hidden: Int, directions: Int) -> Int {
        let steps = x.shape[0] * x.shape[1]
        return directions * 2 * steps * gates * hidden * (input + hidden)
    }
}
