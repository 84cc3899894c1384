// The one file that calls OpenBLAS. `gemm` is row-major C = alpha * op(A) * op(B) + beta * C on
// raw pointers (`cblas_sgemm`); everything heavier than a loop (Linear, convolution via im2col)
// goes through it. `gemmNaive` is the plain triple loop kept beside it as the test oracle
// (llm.c's `matmul_forward_naive`).
// Debian 12's OpenBLAS 0.3.21 declares `cblas_sbgemm` / `cblas_sbstobf16` in cblas.h but is built
// without BUILD_BFLOAT16, so the symbols are absent and linking fails: bf16 compute needs another
// route (an OpenBLAS built with BUILD_BFLOAT16=1, or a hand-written AVX-512 BF16 kernel).
import COpenBLAS

/// Matrix multiply kernels on row-major Float32 matrices.
public enum BLAS {
    /// C (m, n) = alpha * op(A) (m, k) * op(B) (k, n) + beta * C, row-major, via `cblas_sgemm`.
    /// `lda`/`ldb`/`ldc` are row strides of A, B, C as stored (before transposition).
    public static func gemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                            alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
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

    /// Threads OpenBLAS uses (`openblas_get_num_threads`).
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// Sets OpenBLAS's thread count (`openblas_set_num_threads`).
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }
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
