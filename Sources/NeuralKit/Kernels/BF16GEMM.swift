// The one file that calls oneDNN (Debian's libdnnl 2.6): the bf16 matrix multiply behind
// `ComputePrecision.bfloat16`. C (m, n) = A (m, k) x B (k, n) [+ bias (n) on every row] with bf16
// inputs and Float32 accumulation and output (oneDNN's matmul primitive; on avx512_core_bf16 its
// brgemm kernels use VDPBF16PS). One operand is a weight already held as bf16 (`BF16Matrix`), the
// other is a Float32 activation converted per call (round to nearest even) by a oneDNN reorder
// into a scratch buffer. Primitive creation costs tens to hundreds of microseconds (JIT), so
// matmuls and reorders are created once per shape and cached; a call only swaps data handles.
//
// Why oneDNN: Debian 12's OpenBLAS 0.3.21 declares `cblas_sbgemm` but is built without
// BUILD_BFLOAT16, so the symbol is absent (see BLAS.swift). oneDNN's C API works from Swift as it is
// (opaque handles, plain structs); the shim only re-exports macro aliases.
//
// Numerics: each product of two bf16 values is exact in Float, and sums run in Float, so the error
// against a Float32 GEMM comes from rounding the inputs. bf16 keeps 8 significant bits: an input is
// off by at most u = 2^-8 relatively, a product by at most 2u = 2^-7, and the k rounding errors of a
// dot product have independent signs, so they add like a random walk: |error| ≲ 2^-7 · sqrt(k) ·
// max|a| · max|b| (the tests' tolerance; measured errors on uniform inputs are 0.3-0.85 of it),
// and 2^-7 · Σ|a_i b_i| in the worst case.
import CDNNL
import Foundation

/// What a CPU offers for bf16, as oneDNN sees it (`dnnl_get_effective_cpu_isa`).
public struct BF16Support: Sendable, Equatable {
    /// True when oneDNN will run bf16 matmuls with AVX-512 BF16 instructions.
    public var available: Bool
    /// oneDNN's name for the instruction set it dispatches to.
    public var isa: String

    /// The machine this process runs on. `DEEPSCAN_NO_BF16=1` in the environment reports bf16 as
    /// absent (forces the Float32 path, and lets the unsupported-CPU path be seen on any machine).
    public static let detected: BF16Support = {
        let isa = dnnl_get_effective_cpu_isa()
        let name = BF16Support.name(of: isa)
        if ProcessInfo.processInfo.environment["DEEPSCAN_NO_BF16"] == "1" {
            return BF16Support(available: false, isa: name + " (bf16 disabled by DEEPSCAN_NO_BF16=1)")
        }
        let needed = dnnl_cpu_isa_avx512_core_bf16.rawValue
        return BF16Support(available: isa.rawValue & needed == needed, isa: name)
    }()

    public init(available: Bool, isa: String) { self.available = available; self.isa = isa }

    static func name(of isa: dnnl_cpu_isa_t) -> String {
        switch isa {
        case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx"
        case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16"
        case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni"
        case dnnl_cpu_isa_avx512_core: return "avx512_core"
        case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni"
        case dnnl_cpu_isa_avx2: return "avx2"
        case dnnl_cpu_isa_avx: return "avx"
        case dnnl_cpu_isa_sse41: return "sse41"
        default: return String(format: "isa 0x%x", isa.rawValue)
        }
    }
}

/// One side of a bf16 GEMM.
public enum BF16Operand {
    /// A matrix already in bf16, dense row-major (its shape is the GEMM's).
    case bf16(UnsafePointer<UInt16>)
    /// A Float32 matrix with row stride `ld`, converted to bf16 on each call.
    case float32(UnsafePointer<Float>, ld: Int)
}

/// bf16 matrix multiply on oneDNN.
public enum BF16GEMM {
    /// C (m, n) = A (m, k) x B (k, n) [+ bias (n) added to every row], Float32 C with row stride `ldc`.
    /// Exactly one of A and B may be `.float32` (the activation), or both. Requires
    /// `BF16Support.detected.available` (callers check it when a model switches to bf16).
    public static func gemm(m: Int, n: Int, k: Int, a: BF16Operand, b: BF16Operand,
                            bias: UnsafePointer<Float>? = nil, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        precondition(k > 0, "bf16 gemm with k = 0")
        DNNLContext.shared.gemm(batch: 1, m: m, n: n, k: k, a: a, strideA: nil, b: b, strideB: nil,
                                bias: bias, c: c, ldc: ldc, strideC: m * ldc)
    }

    /// C_i (m, n) = A (m, k) x B_i (k, n) for i in 0..<batch, in one oneDNN call: A a bf16 weight
    /// shared by every item (broadcast), B_i = b + i * strideB a Float32 (k, n) matrix with row stride
    /// `ldb`, C_i = c + i * strideC with row stride `ldc`. A pointwise convolution over a batch of
    /// images is one such call instead of one per image.
    public static func gemmBatched(batch: Int, m: Int, n: Int, k: Int, a: UnsafePointer<UInt16>,
                                   b: UnsafePointer<Float>, ldb: Int, strideB: Int,
                                   c: UnsafeMutablePointer<Float>, ldc: Int, strideC: Int) {
        guard batch > 0, m > 0, n > 0 else { return }
        precondition(k > 0, "bf16 gemm with k = 0")
        DNNLContext.shared.gemm(batch: batch, m: m, n: n, k: k, a: .bf16(a), strideA: nil,
                                b: .float32(b, ld: ldb), strideB: strideB, bias: nil, c: c, ldc: ldc, strideC: strideC)
    }

    /// Threads oneDNN uses (OpenMP's `omp_get_max_threads`).
    public static var threads: Int { Int(omp_get_max_threads()) }

    /// Sets oneDNN's thread count (`omp_set_num_threads`; process-wide, and nothing else here uses OpenMP).
    public static func setThreads(_ n: Int) { omp_set_num_threads(Int32(max(1, n))) }

    /// Reference: the same product with each input rounded to bf16 and plain loops accumulating in
    /// Float (what the fast path computes, up to summation order).
    public static func gemmNaive(m: Int, n: Int, k: Int, a: BF16Operand, b: BF16Operand,
                                 bias: UnsafePointer<Float>? = nil, c: UnsafeMutablePointer<Float>, ldc: Int) {
        func value(_ op: BF16Operand, _ r: Int, _ col: Int, cols: Int) -> Float {
            switch op {
            case let .bf16(p): return BFloat16.float(p[r * cols + col])
            case let .float32(p, ld): return BFloat16.rounded(p[r * ld + col])
            }
        }
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for p in 0..<k { s += value(a, i, p, cols: k) * value(b, p, j, cols: n) }
                c[i * ldc + j] = s + (bias?[j] ?? 0)
            }
        }
    }
}

/// A oneDNN call that failed: which function and oneDNN's status code.
struct DNNLError: Error, CustomStringConvertible {
    let call: String, status: dnnl_status_t
    var description: String { "oneDNN \(call) failed with status \(status.rawValue)" }

    /// Any failure here is a bug or a broken install (shapes were checked, support was detected).
    static func check(_ status: dnnl_status_t, _ call: @autoclosure () -> String) {
        if status != dnnl_success { fatalError(DNNLError(call: call(), status: status).description) }
    }
}

/// The process's oneDNN engine and stream, the primitive caches and the conversion scratch. One
/// lock serialises calls: a oneDNN stream is not meant for concurrent use, and oneDNN's own
/// OpenMP threads already use every core inside one call.
final class DNNLContext: @unchecked Sendable {
    static let shared = DNNLContext()

    private let engine: OpaquePointer
    private let stream: OpaquePointer
    private let lock = NSLock()
    private var matmuls: [MatmulKey: Matmul] = [:]
    private var reorders: [ReorderKey: Reorder] = [:]
    private var scratch: UnsafeMutablePointer<UInt16> = .allocate(capacity: 1)
    private var scratchCount = 1

    private init() {
        var e: OpaquePointer?, s: OpaquePointer?
        DNNLError.check(dnnl_engine_create(&e, dnnl_cpu, 0), "dnnl_engine_create")
        DNNLError.check(dnnl_stream_create(&s, e, dnnl_stream_default_flags.rawValue), "dnnl_stream_create")
        engine = e!; stream = s!
    }

    /// Number of cached matmul primitives (tests check that shapes are not recompiled per call).
    var cachedMatmuls: Int { lock.withLock { matmuls.count } }

    /// A batch of products; an operand with a nil stride is shared by every item (broadcast),
    /// otherwise item i starts `stride * i` elements further (Float32 operands only).
    func gemm(batch: Int, m: Int, n: Int, k: Int, a: BF16Operand, strideA: Int?, b: BF16Operand, strideB: Int?,
              bias: UnsafePointer<Float>?, c: UnsafeMutablePointer<Float>, ldc: Int, strideC: Int) {
        lock.lock(); defer { lock.unlock() }
        let itemsA = strideA == nil ? 1 : batch, itemsB = strideB == nil ? 1 : batch
        var need = 0
        if case .float32 = a { need += itemsA * m * k }
        if case .float32 = b { need += itemsB * k * n }
        if need > scratchCount {
            scratch.deallocate(); scratch = .allocate(capacity: need); scratchCount = need
        }
        var next = scratch
        let threads = Int(omp_get_max_threads())
        func bf16(_ op: BF16Operand, items: Int, stride: Int?, rows: Int, cols: Int) -> UnsafeRawPointer {
            switch op {
            case let .bf16(p): return UnsafeRawPointer(p)
            case let .float32(p, ld):
                let dst = next; next += items * rows * cols
                reorder(ReorderKey(batch: items, rows: rows, cols: cols, ld: ld, batchStride: stride ?? rows * ld, threads: threads))
                    .run(from: p, to: dst, stream: stream)
                return UnsafeRawPointer(dst)
            }
        }
        let pa = bf16(a, items: itemsA, stride: strideA, rows: m, cols: k)
        let pb = bf16(b, items: itemsB, stride: strideB, rows: k, cols: n)
        let key = MatmulKey(batch: batch, batchA: itemsA, batchB: itemsB, m: m, n: n, k: k, ldc: ldc, strideC: strideC,
                            bias: bias != nil, threads: threads)
        let mm: Matmul
        if let cached = matmuls[key] { mm = cached } else { mm = Matmul(key, engine: engine); matmuls[key] = mm }
        mm.run(a: pa, b: pb, bias: bias, c: c, stream: stream)
    }

    private func reorder(_ key: ReorderKey) -> Reorder {
        if let r = reorders[key] { return r }
        let r = Reorder(key, engine: engine)
        reorders[key] = r
        return r
    }
}

/// A (batch, rows, cols) memory descriptor with row stride `ld` and item stride `batchStride`
/// (`dnnl_memory_desc_init_by_strides`).
private func matrixDesc(_ batch: Int, _ rows: Int, _ cols: Int, ld: Int, batchStride: Int,
                        _ type: dnnl_data_type_t) -> dnnl_memory_desc_t {
    var md = dnnl_memory_desc_t()
    let dims: [dnnl_dim_t] = [batch, rows, cols].map { dnnl_dim_t($0) }
    let strides: [dnnl_dim_t] = [batchStride, ld, 1].map { dnnl_dim_t($0) }
    DNNLError.check(dnnl_memory_desc_init_by_strides(&md, 3, dims, type, strides), "dnnl_memory_desc_init_by_strides")
    return md
}

/// A memory object for `md` whose buffer is set per call.
private func emptyMemory(_ md: inout dnnl_memory_desc_t, _ engine: OpaquePointer) -> OpaquePointer {
    var mem: OpaquePointer?
    DNNLError.check(dnnl_memory_create(&mem, &md, engine, cdnnl_memory_none()), "dnnl_memory_create")
    return mem!
}

// Thread counts are part of the keys: oneDNN splits the work among the threads there are when a
// primitive is created, so a primitive made under one thread stays on one thread.
private struct MatmulKey: Hashable { let batch, batchA, batchB, m, n, k, ldc, strideC: Int; let bias: Bool; let threads: Int }
private struct ReorderKey: Hashable { let batch, rows, cols, ld, batchStride: Int; let threads: Int }

/// A cached bf16 x bf16 -> f32 matmul primitive and its memory objects.
private final class Matmul {
    let primitive: OpaquePointer
    let src: OpaquePointer, weights: OpaquePointer, dst: OpaquePointer, bias: OpaquePointer?

    init(_ key: MatmulKey, engine: OpaquePointer) {
        var srcMD = matrixDesc(key.batchA, key.m, key.k, ld: key.k, batchStride: key.m * key.k, dnnl_bf16)
        var weiMD = matrixDesc(key.batchB, key.k, key.n, ld: key.n, batchStride: key.k * key.n, dnnl_bf16)
        var dstMD = matrixDesc(key.batch, key.m, key.n, ld: key.ldc, batchStride: key.strideC, dnnl_f32)
        var biasMD = matrixDesc(1, 1, key.n, ld: key.n, batchStride: key.n, dnnl_f32)
        var desc = dnnl_matmul_desc_t()
        if key.bias {
            DNNLError.check(dnnl_matmul_desc_init(&desc, &srcMD, &weiMD, &biasMD, &dstMD), "dnnl_matmul_desc_init")
        } else {
            DNNLError.check(dnnl_matmul_desc_init(&desc, &srcMD, &weiMD, nil, &dstMD), "dnnl_matmul_desc_init")
        }
        var pd: OpaquePointer?, prim: OpaquePointer?
        DNNLError.check(dnnl_primitive_desc_create(&pd, &desc, nil, engine, nil),
                        "dnnl_primitive_desc_create(matmul \(key.batch)x\(key.m)x\(key.k)x\(key.n))")
        DNNLError.check(dnnl_primitive_create(&prim, pd), "dnnl_primitive_create(matmul)")
        dnnl_primitive_desc_destroy(pd)
        primitive = prim!
        src = emptyMemory(&srcMD, engine); weights = emptyMemory(&weiMD, engine); dst = emptyMemory(&dstMD, engine)
        bias = key.bias ? emptyMemory(&biasMD, engine) : nil
    }

    deinit {
        dnnl_primitive_destroy(primitive)
        for m in [src, weights, dst] { dnnl_memory_destroy(m) }
        if let bias { dnnl_memory_destroy(bias) }
    }

    func run(a: UnsafeRawPointer, b: UnsafeRawPointer, bias biasData: UnsafePointer<Float>?,
             c: UnsafeMutablePointer<Float>, stream: OpaquePointer) {
        dnnl_memory_set_data_handle(src, UnsafeMutableRawPointer(mutating: a))
        dnnl_memory_set_data_handle(weights, UnsafeMutableRawPointer(mutating: b))
        dnnl_memory_set_data_handle(dst, c)
        var args = [dnnl_exec_arg_t(arg: cdnnl_arg_src(), memory: src),
                    dnnl_exec_arg_t(arg: cdnnl_arg_weights(), memory: weights),
                    dnnl_exec_arg_t(arg: cdnnl_arg_dst(), memory: dst)]
        if let bias, let biasData {
            dnnl_memory_set_data_handle(bias, UnsafeMutableRawPointer(mutating: biasData))
            args.append(dnnl_exec_arg_t(arg: cdnnl_arg_bias(), memory: bias))
        }
        DNNLError.check(dnnl_primitive_execute(primitive, stream, Int32(args.count), args), "dnnl_primitive_execute(matmul)")
        DNNLError.check(dnnl_stream_wait(stream), "dnnl_stream_wait")
    }
}

/// A cached Float32 (batch, rows, cols; strided) -> dense bf16 reorder: round to nearest even, vectorised by oneDNN.
private final class Reorder {
    let primitive: OpaquePointer
    let from: OpaquePointer, to: OpaquePointer

    init(_ key: ReorderKey, engine: OpaquePointer) {
        var fromMD = matrixDesc(key.batch, key.rows, key.cols, ld: key.ld, batchStride: key.batchStride, dnnl_f32)
        var toMD = matrixDesc(key.batch, key.rows, key.cols, ld: key.cols, batchStride: key.rows * key.cols, dnnl_bf16)
        var pd: OpaquePointer?, prim: OpaquePointer?
        DNNLError.check(dnnl_reorder_primitive_desc_create(&pd, &fromMD, engine, &toMD, engine, nil),
                        "dnnl_reorder_primitive_desc_create(\(key.rows)x\(key.cols))")
        DNNLError.check(dnnl_primitive_create(&prim, pd), "dnnl_primitive_create(reorder)")
        dnnl_primitive_desc_destroy(pd)
        primitive = prim!
        from = emptyMemory(&fromMD, engine); to = emptyMemory(&toMD, engine)
    }

    deinit {
        dnnl_primitive_destroy(primitive)
        dnnl_memory_destroy(from); dnnl_memory_destroy(to)
    }

    func run(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<UInt16>, stream: OpaquePointer) {
        dnnl_memory_set_data_handle(from, UnsafeMutableRawPointer(mutating: source))
        dnnl_memory_set_data_handle(to, destination)
        let args = [dnnl_exec_arg_t(arg: cdnnl_arg_from(), memory: from),
                    dnnl_exec_arg_t(arg: cdnnl_arg_to(), memory: to)]
        DNNLError.check(dnnl_primitive_execute(primitive, stream, 2, args), "dnnl_primitive_execute(reorder)")
    }
}
