// Video frames for the branches: which frames the engine samples (EngineOptions.sampling), decoded
// once and shared. Spread sampling (the default 8 frames, as in the original design; 32 as the
// DFDC winners used) keeps the few decoded frames in memory for every branch; frame-by-frame and
// time-range modes stream, so a long video is never held in memory.
import Evidence
import Foundation
import Media

extension BranchInput {
    /// Most frames that spread sampling keeps in memory for sharing.
    static let maxSharedFrames = 64

    /// The frame indices the options select, ascending (empty for a video without frames).
    public func sampleIndices() throws -> [Int] {
        try sampling().indices
    }

    /// Keyframe flags of the sampled frames, by index (for the report's `frames`).
    public func sampledKeyframes() throws -> Set<Int> { try sampling().keyframes }

    private func sampling() throws -> (indices: [Int], keyframes: Set<Int>) {
        try shared("frame-sampling") {
            let reader = try VideoReader(path: path, options: options.media, cacheCapacity: 1)
            let indices = try Self.select(options.sampling, reader: reader)
            return (indices, Set(indices.filter { (try? reader.isKeyframe($0)) == true }))
        }
    }

    private static func select(_ sampling: FrameSampling, reader: VideoReader) throws -> [Int] {
            let n = reader.frameCount
            guard n > 0 else { return [Int]() }
            switch sampling {
            case .spread(let k):
                let k = max(1, min(k, n))
                if k == 1 { return [n / 2] }
                return Array(Set((0..<k).map { Int((Double($0) * Double(n - 1) / Double(k - 1)).rounded()) })).sorted()
            case .all:
                return Array(0..<n)
            case .range(let r):
                let a = try reader.frameIndex(atTime: max(0, r.lowerBound)), b = try reader.frameIndex(atTime: min(reader.duration, r.upperBound))
                return a <= b ? Array(a...b) : []
            }
    }

    /// The sampled frames at full size, decoded once and shared (spread sampling of at most
    /// `maxSharedFrames` frames; otherwise use `forEachSampledFrame`).
    public func sampledFrames() throws -> [VideoFrame] {
        let indices = try sampleIndices()
        guard indices.count <= Self.maxSharedFrames else {
            throw EngineError.tooManyFramesToShare(indices.count, limit: Self.maxSharedFrames)
        }
        return try shared("frames") {
            let reader = try VideoReader(path: path, options: options.media, cacheCapacity: 1)
            var out: [VideoFrame] = []
            for i in indices {
                try checkCancelled()
                out.append(try reader.frame(at: i))
            }
            return out
        }
    }

    /// Calls `body` with each sampled frame in order, decoding sequentially with a private reader
    /// (shared frames are used when they were already decoded).
    public func forEachSampledFrame(_ body: (VideoFrame) throws -> Void) throws {
        let indices = try sampleIndices()
        if indices.count <= Self.maxSharedFrames {
            for f in try sampledFrames() { try checkCancelled(); try body(f) }
            return
        }
        let reader = try VideoReader(path: path, options: options.media, cacheCapacity: 1)
        for i in indices {
            try checkCancelled()
            try body(try reader.frame(at: i))
        }
    }
}
