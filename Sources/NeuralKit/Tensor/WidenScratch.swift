// Where a parameter held as Float16 or bf16 is widened to Float32 when a layer reads it: two
// buffers per thread, reused from one read to the next, so a reduced-storage model costs its
// reduced weights plus about its two largest weights in Float32, not a Float32 copy of everything.
// Each thread has its own (DataParallel replicas and concurrent requests never share one).
//
// A slot remembers which parameter contents it holds (`Parameter.contentID`), so a layer reading
// the same weight again (a recurrent loop per time step) does not widen again. The slot other than
// the one read last is the one reused; a slot whose tensor is still held
// by a caller (a list of values being saved) is left to that caller and a fresh buffer takes its
// place, so a held view never changes under its holder.
#if canImport(Glibc)
import Glibc
#endif

/// Per-thread scratch for widened weights.
final class WidenScratch {
    /// Slots per thread. The one read last is never reused for another weight, so a layer may hold
    /// two reduced weights at once through raw pointers (`f(a: w1.value.pointer, b: w2.value.pointer)`);
    /// two slots bound the scratch by the two largest weights (more slots only held more big buffers).
    static let slotCount = 2

    private struct Slot {
        var storage: TensorStorage?
        var contentID = -1
        var lastUse = 0
    }

    private var slots = [Slot](repeating: Slot(), count: WidenScratch.slotCount)
    private var clock = 0

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { p in
            if let p { Unmanaged<WidenScratch>.fromOpaque(p).release() }
        }
        return k
    }()

    /// This thread's scratch.
    static var current: WidenScratch {
        if let p = pthread_getspecific(key) { return Unmanaged<WidenScratch>.fromOpaque(p).takeUnretainedValue() }
        let s = WidenScratch()
        pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        return s
    }

    /// `p`'s value widened to Float32, shaped like `p`.
    func widened(_ p: Parameter) -> Tensor {
        clock += 1
        let strides = Tensor.contiguousStrides(p.shape)
        if let i = slots.firstIndex(where: { $0.contentID == p.contentID }), let s = slots[i].storage {
            slots[i].lastUse = clock
            return Tensor(storage: s, offset: 0, shape: p.shape, strides: strides)
        }
        // The slot to reuse: never the one read last (a layer may still be using it through a raw
        // pointer while it reads a second weight); among the others (one, with two slots) the best
        // fit, else the largest grows.
        let recent = slots.indices.sorted { slots[$0].lastUse > slots[$1].lastUse }
        let candidates = recent.dropFirst(1)
        let capacity = { (j: Int) in self.slots[j].storage?.count ?? 0 }
        let i = candidates.filter { capacity($0) >= p.count }.min { capacity($0) < capacity($1) }
            ?? candidates.max { capacity($0) < capacity($1) }!
        // Reuse the buffer only when big enough and no caller still holds a view of it.
        if capacity(i) < p.count || !isKnownUniquelyReferenced(&slots[i].storage) {
            slots[i].storage = nil
            slots[i].storage = TensorStorage(count: p.count, pool: nil)
        }
        let s = slots[i].storage!
        p.widen(into: s.pointer)
        slots[i].contentID = p.contentID
        slots[i].lastUse = clock
        return Tensor(storage: s, offset: 0, shape: p.shape, strides: strides)
    }

    /// Bytes held by this thread's slots.
    var byteCount: Int { slots.reduce(0) { $0 + 4 * ($1.storage?.count ?? 0) } }

    /// Bytes of widening scratch held by the calling thread (what reduced storage costs on top of
    /// the weights while a model runs).
    static var threadBytes: Int { current.byteCount }

    /// Frees the calling thread's scratch buffers (the next read widens again).
    static func releaseThreadScratch() {
        let s = current
        for i in s.slots.indices { s.slots[i] = Slot() }
    }
}
