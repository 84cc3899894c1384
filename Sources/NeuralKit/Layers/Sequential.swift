// A chain of layers run in order: forward left to right, backward right to left. Children are
// named by position ("0", "1", ...) or by the names given, so a model assembles without
// boilerplate and its parameter names match a PyTorch `nn.Sequential` state dict.

/// Layers applied one after another.
public final class Sequential: Layer {
    /// The layers with their names, in order.
    public private(set) var layers: [(String, any Layer)]

    /// Layers named "0", "1", ... by position.
    public init(_ layers: [any Layer]) {
        self.layers = layers.enumerated().map { ("\($0.offset)", $0.element) }
    }

    /// Layers with explicit names (unique).
    public init(named layers: [(String, any Layer)]) {
        precondition(Set(layers.map(\.0)).count == layers.count, "duplicate layer names in Sequential")
        self.layers = layers
    }

    public var children: [(String, any Layer)] { layers }

    /// input: whatever the first layer takes; output: what the last layer makes.
    public func forward(_ input: Tensor) -> Tensor {
        var x = input
        for (_, l) in layers { x = l.forward(x) }
        return x
    }

    public func backward(_ gradOutput: Tensor) -> Tensor {
        var g = gradOutput
        for (_, l) in layers.reversed() { g = l.backward(g) }
        return g
    }

    /// Runs the chain and returns every intermediate output by layer name (explainability hooks:
    /// Grad-CAM reads the activation of the last convolution).
    public func forwardCollecting(_ input: Tensor) -> (output: Tensor, activations: [String: Tensor]) {
        var x = input, acts: [String: Tensor] = [:]
        for (name, l) in layers { x = l.forward(x); acts[name] = x }
        return (x, acts)
    }

    /// The layer called `name`, if any.
    public subscript(name: String) -> (any Layer)? { layers.first { $0.0 == name }?.1 }
}
