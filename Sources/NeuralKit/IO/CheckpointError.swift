// Why a training checkpoint could not be saved or resumed, each case naming what does not match
// (a tensor, the optimizer, a hyperparameter, a dropout layer) so the user knows which run the
// checkpoint belongs to.

/// A training checkpoint that cannot be read, or does not belong to this model and optimizer.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case wrongFormat(path: String, found: String)
    case optimizerMismatch(path: String, saved: String, current: String)
    case hyperparameterMismatch(path: String, optimizer: String, name: String, saved: Float?, current: Float?)
    case architectureMismatch(path: String, detail: String)
    case dropoutMismatch(path: String, layer: String, inCheckpoint: Bool)
    case inconsistent(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(p, r):
            return "\(p): cannot read the checkpoint (\(r)); a checkpoint is a .safetensors file with its .json beside it"
        case let .wrongFormat(p, f): return "\(p): format '\(f)' is not \(Checkpoint.format)"
        case let .optimizerMismatch(p, s, c):
            return "\(p): the checkpoint holds \(s) optimizer state, this run uses \(c); resume with \(s) or start a new run"
        case let .hyperparameterMismatch(p, o, n, s, c):
            func show(_ v: Float?) -> String { v.map { "\($0)" } ?? "absent" }
            return "\(p): \(o) \(n) is \(show(s)) in the checkpoint but \(show(c)) in this run"
        case let .architectureMismatch(p, d): return "\(p): the checkpoint is for another architecture: \(d)"
        case let .dropoutMismatch(p, l, inCheckpoint):
            return inCheckpoint
                ? "\(p): the checkpoint has dropout layer '\(l)', which the model lacks (another architecture?)"
                : "\(p): the model has dropout layer '\(l)', which the checkpoint lacks (another architecture?)"
        case let .inconsistent(p, r): return "\(p): \(r)"
        case let .cannotWrite(p, r): return "\(p): cannot write the checkpoint (\(r))"
        }
    }
}
