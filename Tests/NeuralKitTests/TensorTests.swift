// Tensor views, preconditioned shapes and the buffer pool: a steady-state forward pass must
// reuse the previous pass's buffers rather than allocate.
import Testing
@testable import NeuralKit

@Suite struct TensorTests {
    @Test func reshapeAndSliceShareStorage() {
        let t = Tensor(shape: [3, 2, 2], values: (0..<12).map(Float.init))
        let flat = t.reshaped([-1])
        #expect(flat.shape == [12])
        let rows = t.slice(1..<3)
        #expect(rows.shape == [2, 2, 2])
        #expect(rows[0, 0, 0] == 4)
        rows[1, 1, 1] = 100            // writes are seen through every view
        #expect(t[2, 1, 1] == 100 && flat[11] == 100)
        #expect(rows.storage === t.storage && rows.offset == 4)
        #expect(rows.reshaped([4, 2])[3, 1] == 100)
    }

    @Test func transposeIsAViewAndCopyMakesItDense() {
        let t = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let tt = t.transposed()
        #expect(!tt.isContiguous && tt.shape == [3, 2])
        #expect(tt.toArray() == [1, 4, 2, 5, 3, 6])
        #expect(tt.contiguous().isContiguous)
    }

    @Test func matmulAgreesWithNaiveLoops() {
        var rng = SeededRandom(seed: 1)
        for (m, n, k) in [(1, 1, 1), (7, 5, 3), (17, 33, 9), (64, 48, 80)] {
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = Tensor(shape: ta ? [k, m] : [m, k], rng: &rng) { $0.normal() }
                let b = Tensor(shape: tb ? [n, k] : [k, n], rng: &rng) { $0.normal() }
                let c1 = Tensor(repeating: 0.5, shape: [m, n]), c2 = Tensor(repeating: 0.5, shape: [m, n])
                BLAS.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1.5, a: a.pointer, lda: a.shape[1],
                          b: b.pointer, ldb: b.shape[1], beta: 0.25, c: c1.pointer, ldc: n)
                BLAS.gemmNaive(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1.5, a: a.pointer, lda: a.shape[1],
                               b: b.pointer, ldb: b.shape[1], beta: 0.25, c: c2.pointer, ldc: n)
                #expect(c1.maxAbsDifference(c2) <= 1e-4 * Float(k).squareRoot())
            }
        }
    }

    @Test func poolReusesReleasedBuffers() {
        let pool = TensorPool()
        do { _ = Tensor(zeros: [4, 4], pool: pool) }
        #expect(pool.allocations == 1)
        do { _ = Tensor(zeros: [16], pool: pool) }    // same element count: reused
        #expect(pool.allocations == 1 && pool.reuses == 1)
        let keep = Tensor(zeros: [16], pool: pool)
        let other = Tensor(zeros: [16], pool: pool)
        #expect(pool.allocations == 2)
        _ = (keep, other)
    }

    @Test func steadyStateForwardPassAllocatesNothing() {
        var rng = SeededRandom(seed: 3)
        let model = Sequential([
            Conv2d(3, 8, kernel: 3, padding: 1, rng: &rng), BatchNorm2d(8), Activation(.relu6),
            Conv2d(8, 8, kernel: 3, stride: 2, padding: 1, groups: 8, rng: &rng), Activation(.relu6),
            SqueezeExcitation(channels: 8, reduction: 4, rng: &rng),
            GlobalAvgPool(), Linear(8, 3, rng: &rng),
        ])
        model.setTraining(false)
        let pool = TensorPool()
        let x = Tensor(shape: [2, 3, 12, 12], rng: &rng, pool: pool) { $0.normal() }
        _ = model.forward(x)
        _ = model.forward(x)                          // layers now hold the previous pass's inputs
        let before = pool.allocations
        for _ in 0..<3 { _ = model.forward(x) }
        #expect(pool.allocations == before, "a steady-state forward pass allocated \(pool.allocations - before) buffers")
        #expect(pool.reuses > 0)
    }
}
