// Multi-layer recurrent networks: layer k reads layer k-1's (N, T, D*H) output. Parameters keep
// PyTorch's flat names (`weight_ih_l1_reverse`, ...), so a `nn.LSTM(num_layers: 2,
// bidirectional: True)` state dict loads as it is. (PyTorch's inter-layer dropout is a training
// option not modelled here; put a `Dropout` after the stack instead.)

/// A stack of LSTM or GRU layers on (N, T, F) -> (N, T, D*H).
public final class RecurrentStack: Layer {
    /// Which cell.
    public enum Cell: Sendable { case lstm, gru }

    public let layers: [any Layer]

    public init(_ cell: Cell, inputSize: Int, hiddenSize: Int, numLayers: Int, bidirectional: Bool = false,
                rng: inout SeededRandom) {
        precondition(numLayers >= 1, "\(numLayers) recurrent layers")
        var out: [any Layer] = []
        for k in 0..<numLayers {
            let input = k == 0 ? inputSize : hiddenSize * (bidirectional ? 2 : 1)
            switch cell {
            case .lstm: out.append(LSTM(inputSize: input, hiddenSize: hiddenSize, bidirectional: bidirectional, layerIndex: k, rng: &rng))
            case .gru: out.append(GRU(inputSize: input, hiddenSize: hiddenSize, bidirectional: bidirectional, layerIndex: k, rng: &rng))
            }
        }
        layers = out
    }

    /// The layers' parameters, flat (their names already carry the layer index).
    public var ownParameters: [(String, Parameter)] { layers.flatMap { $0.ownParameters } }

    /// input: (N, T, F) -> (N, T, D*H)
    public func forward(_ input: Tensor) -> Tensor {
        var x = input
        for l in layers { x = l.forward(x) }
        return x
    }

    /// gradOutput: (N, T, D*H) -> (N, T, F)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        var g = gradOutput
        for l in layers.reversed() { g = l.backward(g) }
        return g
    }
}
