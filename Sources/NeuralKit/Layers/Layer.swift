// The module protocol every layer and model conforms to. A layer computes `forward`, keeps what it
// needs for the gradient, and `backward` takes the gradient of the loss with respect to its last
// output, accumulates its parameters' gradients and returns the gradient with respect to its
// input (which is also what Grad-CAM and saliency maps need). Layers name their own parameters and
// children; `namedParameters()` joins the names with dots (`features.0.weight`), the way PyTorch
// state dicts and safetensors files spell them.

/// A differentiable computation with named parameters and children.
public protocol Layer: AnyObject {
    /// Computes the output and keeps what `backward` needs.
    func forward(_ input: Tensor) -> Tensor
    /// Given dLoss/dOutput of the last `forward`, accumulates parameter gradients and returns dLoss/dInput.
    func backward(_ gradOutput: Tensor) -> Tensor
    /// This layer's own parameters and buffers, by local name.
    var ownParameters: [(String, Parameter)] { get }
    /// Sub-layers, by local name.
    var children: [(String, any Layer)] { get }
    /// Switches training behaviour (BatchNorm statistics, Dropout) for this layer and its children.
    func setTraining(_ training: Bool)
}

extension Layer {
    public var ownParameters: [(String, Parameter)] { [] }
    public var children: [(String, any Layer)] { [] }
    public func setTraining(_ training: Bool) { for (_, c) in children { c.setTraining(training) } }

    /// Every parameter and buffer in this layer and below, with dotted names.
    public func namedParameters() -> [(String, Parameter)] {
        var out = ownParameters
        for (name, child) in children {
            for (n, p) in child.namedParameters() { out.append(("\(name).\(n)", p)) }
        }
        return out
    }

    /// Trainable parameters only (what an optimizer updates).
    public var parameters: [Parameter] { namedParameters().map(\.1).filter(\.trainable) }

    /// Sets every allocated gradient to zero (one not allocated yet starts at zero).
    public func zeroGrad() { for (_, p) in namedParameters() where p.hasGradient { p.grad.fill(0) } }

    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
}
