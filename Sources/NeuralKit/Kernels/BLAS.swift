// The one file that calls OpenBLAS. `gemm` is row-major C = alpha * op(A) * op(B) + beta * C on
// raw pointers (`cblas_sgemm`); everything heavier than a loop (Linear, convolution via im2col)
// goes through it. `gemmNaive` is the plain triple loop kept beside it as the test oracle
// (llm.c's `matmul_forward_naive`).
// Threads: OpenBLAS runs single-threaded and `gemm` splits large products into column (or row)
// blocks over `Parallel`'s threads itself. OpenBLAS's own workers spin in sched_yield for a long
// while after every call; with them, the depthwise and element-wise loops between two gemms ran
// on cores those spinners held (45% of the CPU samples of a 2-thread MobileNetV2 bench). One
// pool for everything also lets a convolution finish each block (bias, ReLU6) while it is in cache
// (`blockDone`).
// Debian 12's OpenBLAS 0.3.21 declares `cblas_sbgemm` / `cblas_sbstobf16` in cblas.h but is built
// without BUILD_BFLOAT16, so the symbols are absent and linking fails: bf16 compute needs another
// route (an OpenBLAS built with BUILD_BFLOAT16=1, or a hand-written AVX-512 BF16 kernel).
import COpenBLAS

/// Matrix multiply kernels on row-major Float32 matrices.
public enum BLAS {
    /// OpenBLAS set to one thread once, before the first product (see the file comment).
    static let singleThreadedOpenBLAS: Void = openblas_set_num_threads(1)

    /// Multiply-adds below which a product runs on one thread (4M: 80-160 us of work). Waking a
    /// worker costs 20-50 us in this VM when the other core is busy, so smaller splits lost time
    /// on the small late layers of a batch-1 forward.
    static let parallelThreshold = 1 << 22

    /// C (m, n) = alpha * op(A) (m, k) * op(B) (k, n) + beta * C, row-major, via `cblas_sgemm`,
    /// split into blocks of columns (or rows, when C is narrow) over `Parallel.threads`.
    /// `lda`/`ldb`/`ldc` are row strides of A, B, C as stored (before transposition).
    /// `blockDone(rows, columns)` runs on the thread that computed that block of C, right after it.
    public static func gemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                            alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int,
                            blockDone: ((Range<Int>, Range<Int>) -> Void)? = nil) {
        _ = singleThreadedOpenBLAS
        let threads = Parallel.threads
        guard threads > 1, m * n * k >= parallelThreshold else {
            gemmBlock(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                      beta: beta, c: c, ldc: ldc)
            blockDone?(0..<m, 0..<n)
            return
        }
        // Columns in multiples of 16 (the kernels' register block) when there are enough of them.
        if n >= 32 * threads {
            let units = (n + 15) / 16
            Parallel.forEach(units) { r in
                let j0 = r.lowerBound * 16, j1 = min(n, r.upperBound * 16)
                gemmBlock(transA: transA, transB: transB, m: m, n: j1 - j0, k: k, alpha: alpha, a: a, lda: lda,
                          b: transB ? b + j0 * ldb : b + j0, ldb: ldb, beta: beta, c: c + j0, ldc: ldc)
                blockDone?(0..<m, j0..<j1)
            }
        } else {
            Parallel.forEach(m) { r in
                gemmBlock(transA: transA, transB: transB, m: r.count, n: n, k: k, alpha: alpha,
                          a: transA ? a + r.lowerBound : a + r.lowerBound * lda, lda: lda, b: b, ldb: ldb,
                          beta: beta, c: c + r.lowerBound * ldc, ldc: ldc)
                blockDone?(r, 0..<n)
            }
        }
    }

    /// One `cblas_sgemm` call on the calling thread (callers that parallelise over something else,
    /// such as the images of a batch, use it directly).
    static func gemmBlock(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                          a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                          beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        // Callers on several threads at once (a batch split by image) must find OpenBLAS
        // single-threaded too, or each call starts OpenBLAS's workers on the same two cores.
        _ = singleThreadedOpenBLAS
        if m == 1 && k > 0 {
            // A single row (an LSTM step at batch 1, Linear on one sample): sgemv on op(B) skips the
            // packing of B that sgemm repeats on every call. C^T (n) = op(B)^T (n, k) x a (k).
            let incA = transA ? lda : 1
            cblas_sgemv(CblasRowMajor, transB ? CblasNoTrans : CblasTrans, blasint(transB ? n : k), blasint(transB ? k : n),
                        alpha, b, blasint(ldb), a, blasint(incA), beta, c, 1)
            return
        }
        guard k > 0 else {
            // sgemm with k = 0 is beta * C; do it here rather than trust every BLAS to agree.
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb),
                    beta, c, blasint(ldc))
    }

    /// Reference for `gemm`: the same contract as three plain loops, accumulating in Float.
    public static func gemmNaive(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                                 alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                                 b: UnsafePointer<Float>, ldb: Int,
                                 beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for p in 0..<k {
                    let av = transA ? a[p * lda + i] : a[i * lda + p]
                    let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
                    s += av * bv
                }
                c[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * ldc + j])
            }
        }
    }

    /// Threads OpenBLAS itself uses (`openblas_get_num_threads`): 1 once `gemm` has run.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// One `cblas_sgemm` with OpenBLAS's own `threads` workers instead of `gemm`'s blocks, for
    /// measuring the library's peak the way its users usually run it; OpenBLAS goes back to one
    /// thread afterwards.
    public static func gemmOpenBLASThreads(_ threads: Int, m: Int, n: Int, k: Int, a: UnsafePointer<Float>,
                                           b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>) {
        _ = singleThreadedOpenBLAS
        openblas_set_num_threads(Int32(threads))
        gemmBlock(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n, beta: 0, c: c, ldc: n)
        openblas_set_num_threads(1)
    }
}

extension Tensor {
    /// Matrix product of 2-D tensors: self (m, k) x other (k, n) -> (m, n).
    public func matmul(_ other: Tensor) -> Tensor {
        precondition(rank == 2 && other.rank == 2 && shape[1] == other.shape[0],
                     "matmul \(shape) x \(other.shape)")
        let a = contiguous(), b = other.contiguous()
        let out = Tensor(uninitialized: [shape[0], other.shape[1]], pool: pool)
        BLAS.gemm(m: shape[0], n: other.shape[1], k: shape[1], a: a.pointer, lda: shape[1],
                  b: b.pointer, ldb: other.shape[1], c: out.pointer, ldc: other.shape[1])
        return out
    }
}
