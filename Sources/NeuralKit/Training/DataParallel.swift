// Data-parallel training on the machine's cores. One batch is split along its first axis into
// contiguous shards, one per worker; each worker runs forward and backward on its own replica of
// the model (its own weights, gradients and caches: replicas share nothing mutable), the master's
// weights are copied in before and the gradients summed out after, in worker order, so the result
// does not depend on which thread finishes first. The caller then clips and steps its optimizer
// on the master model, once per batch.
//
// The loss must be a mean over samples (BCE, focal, MSE, L1, unweighted cross-entropy): each
// shard's loss gradient is scaled by shard/batch size, so the summed gradient is the gradient of
// the full batch's mean. Class-weighted cross-entropy normalises by the batch's weight sum and is
// only approximately reproduced.
//
// BatchNorm: each replica normalises its shard with the shard's own statistics (PyTorch's
// DistributedDataParallel without SyncBatchNorm), so a 2-worker step differs from the full-batch
// step wherever BatchNorm is in training mode; running statistics come back from worker 0 (DDP's
// buffer broadcast from rank 0). Dropout: the master's Dropout generators are the state (so a
// `Checkpoint` of `model` resumes a data-parallel run exactly): worker 0 draws from them and hands
// them back, worker w > 0 from a generator seeded by a hash of theirs and w, so shards draw
// different masks; one worker is exactly the plain single-model step.
//
// NeuralKit's kernels split their loops and products over `Parallel.threads`; two workers that
// each did so would fight over two cores, so each worker runs its shard under
// `Parallel.withThreads(threadsPerWorker)` (1 by default), a per-thread limit that leaves the
// rest of the process alone.
import Foundation

/// Splits batches across per-thread model replicas and sums their gradients into `model`.
public final class DataParallel {
    /// The master copy: optimizers, schedules and checkpoints use its parameters.
    public let model: any Layer
    public let workers: Int
    /// NeuralKit threads (`Parallel.withThreads`) each worker uses during a step with more than one
    /// worker: 1, so two workers fill two cores without oversubscribing them.
    public var threadsPerWorker = 1
    private let replicas: [any Layer]
    private let master: [Parameter]
    private let copies: [[Parameter]]
    private let masterDropout: [Dropout]
    private let replicaDropout: [[Dropout]]

    /// `makeModel` is called `workers + 1` times and must build the same architecture each time
    /// (initial weights do not matter: replicas receive the master's before every step).
    public init(workers: Int, makeModel: () -> any Layer) {
        precondition(workers >= 1, "data parallel with \(workers) workers")
        self.workers = workers
        model = makeModel()
        replicas = (0..<workers).map { _ in makeModel() }
        let names = model.namedParameters()
        master = names.map(\.1)
        copies = replicas.map { r in
            let rn = r.namedParameters()
            precondition(rn.map(\.0) == names.map(\.0) && rn.map(\.1.shape) == names.map(\.1.shape),
                         "makeModel built models with different parameters")
            return rn.map(\.1)
        }
        masterDropout = model.dropoutLayers().map(\.1)
        replicaDropout = replicas.map { $0.dropoutLayers().map(\.1) }
    }

    /// Training or evaluation behaviour for the master and every replica.
    public func setTraining(_ training: Bool) {
        model.setTraining(training)
        for r in replicas { r.setTraining(training) }
    }

    /// Shard extents along the first axis: as even as possible, first shards one larger, no empty shard.
    public static func shards(batch: Int, workers: Int) -> [Range<Int>] {
        let used = max(1, min(workers, batch)), base = batch / used, extra = batch % used
        var out: [Range<Int>] = [], start = 0
        for w in 0..<used {
            let n = base + (w < extra ? 1 : 0)
            out.append(start..<start + n); start += n
        }
        return out
    }

    /// Runs forward and backward of the batch across the workers and leaves the gradient of the
    /// batch's mean loss in `model`'s parameters (previous gradients are replaced). Returns the
    /// batch's mean loss. `loss` is called concurrently, one shard each.
    /// input: (N, ...); target: (N, ...), sliced along the first axis like the input.
    public func computeGradients(input: Tensor, target: Tensor, loss: @escaping (Tensor, Tensor) -> LossResult) -> Float {
        precondition(input.rank >= 1 && target.rank >= 1 && input.shape[0] == target.shape[0] && input.shape[0] > 0,
                     "data-parallel batch \(input.shape) with targets \(target.shape)")
        let n = input.shape[0], shards = Self.shards(batch: n, workers: workers)
        let x = input.contiguous(), y = target.contiguous()
        for w in shards.indices {
            for (p, q) in zip(master, copies[w]) { q.value.assign(p.value); q.grad.fill(0) }
            for (d, r) in zip(masterDropout, replicaDropout[w]) {
                if w == 0 { r.rng = d.rng; continue }
                var mix = SeededRandom(seed: d.rng.state &+ UInt64(w))
                r.rng = SeededRandom(seed: mix.next())
            }
        }
        let losses = UnsafeMutableBufferPointer<Float>.allocate(capacity: shards.count)
        defer { losses.deallocate() }
        let work = { (w: Int) in
            let r = self.replicas[w], range = shards[w]
            let l = loss(r.forward(x.slice(range)), y.slice(range))
            l.gradient.scale(by: Float(range.count) / Float(n))
            _ = r.backward(l.gradient)
            losses[w] = l.value * Float(range.count) / Float(n)
        }
        if shards.count == 1 {
            work(0)
        } else {
            // One thread per extra shard, the caller takes shard 0. (Not concurrentPerform: it may run
            // iterations one after another on the calling thread while its pool threads are slow to
            // wake, as seen under load here; a thread per shard guarantees the shards overlap.)
            let job = WorkerJob(run: work), done = DispatchSemaphore(value: 0), perWorker = threadsPerWorker
            for w in 1..<shards.count {
                let t = Thread { Parallel.withThreads(perWorker) { job.run(w) }; done.signal() }
                t.stackSize = 8 << 20
                t.start()
            }
            Parallel.withThreads(perWorker) { work(0) }
            for _ in 1..<shards.count { done.wait() }
        }
        for (i, p) in master.enumerated() {
            if p.trainable {
                p.grad.fill(0)
                for w in shards.indices { p.grad.add(copies[w][i].grad) }
            } else {
                p.value.assign(copies[0][i].value)       // buffers (running statistics) from worker 0
            }
        }
        for (d, r) in zip(masterDropout, replicaDropout[0]) { d.rng = r.rng }
        var total: Float = 0
        for w in shards.indices { total += losses[w] }
        return total
    }

    /// One training step: gradients across the workers, optional global-norm clipping, one
    /// optimizer update of `model`. Returns the batch's mean loss.
    @discardableResult
    public func step(input: Tensor, target: Tensor, optimizer: any Optimizer, clipNorm: Float? = nil,
                     loss: @escaping (Tensor, Tensor) -> LossResult) -> Float {
        let value = computeGradients(input: input, target: target, loss: loss)
        if let clipNorm { GradientClipping.clipNorm(optimizer.parameters, maxNorm: clipNorm) }
        optimizer.step()
        return value
    }
}

/// The step's work handed to the worker threads. Unchecked Sendable: worker w touches only replica
/// w, its shard's views (read) and loss slot w; the shared input is only read.
private struct WorkerJob: @unchecked Sendable {
    let run: (Int) -> Void
}
