// The im2col + sgemm convolution and the direct depthwise kernel against the plain-loop
// reference, forward and backward, over strides, paddings, dilations and groups.
import Testing
@testable import NeuralKit

@Suite struct ConvolutionKernelTests {
    static let cases: [ConvGeometry] = [
        ConvGeometry(batch: 2, inChannels: 3, height: 9, width: 7, outChannels: 4, kernel: 3, padding: 1),
        ConvGeometry(batch: 1, inChannels: 4, height: 10, width: 10, outChannels: 6, kernel: 3, stride: 2, padding: 1),
        ConvGeometry(batch: 2, inChannels: 4, height: 9, width: 9, outChannels: 4, kernel: 3, padding: 2, dilation: 2),
        ConvGeometry(batch: 1, inChannels: 6, height: 8, width: 8, outChannels: 4, kernel: 3, stride: 1, padding: 1, groups: 2),
        ConvGeometry(batch: 2, inChannels: 5, height: 6, width: 6, outChannels: 7, kernel: 1),
        ConvGeometry(batch: 2, inChannels: 6, height: 9, width: 8, outChannels: 6, kernel: 3, stride: 2, padding: 1, groups: 6),
        ConvGeometry(batch: 1, inChannels: 4, height: 7, width: 7, outChannels: 4, kernel: 5, padding: 4, dilation: 2, groups: 4),
    ]

    @Test(arguments: cases) func fastMatchesReference(_ g: ConvGeometry) {
        var rng = SeededRandom(seed: UInt64(g.macs))
        let x = Tensor(shape: [g.batch, g.inChannels, g.height, g.width], rng: &rng) { $0.normal() }
        let w = Tensor(shape: g.weightShape, rng: &rng) { $0.normal() }
        let b = Tensor(shape: [g.outChannels], rng: &rng) { $0.normal() }
        let dy = Tensor(shape: g.outputShape, rng: &rng) { $0.normal() }
        let yRef = Tensor(zeros: g.outputShape), yFast = Tensor(zeros: g.outputShape)
        Conv2dReference.forward(g, x: x.pointer, weight: w.pointer, bias: b.pointer, y: yRef.pointer)
        let col = Tensor(zeros: [g.patchSize * g.outPlane])
        Conv2dKernels.forward(g, x: x.pointer, weight: w.pointer, bias: b.pointer, y: yFast.pointer, col: col.pointer)
        #expect(yFast.maxAbsDifference(yRef) <= 1e-4 * max(1, yRef.maxAbs()))

        let dxRef = Tensor(zeros: x.shape), dwRef = Tensor(zeros: w.shape), dbRef = Tensor(zeros: [g.outChannels])
        Conv2dReference.backward(g, x: x.pointer, weight: w.pointer, dy: dy.pointer, dx: dxRef.pointer,
                                 dWeight: dwRef.pointer, dBias: dbRef.pointer)
        let dx = Tensor(zeros: x.shape), dw = Tensor(zeros: w.shape), db = Tensor(zeros: [g.outChannels])
        Conv2dKernels.backward(g, x: x.pointer, weight: w.pointer, dy: dy.pointer, dx: dx.pointer,
                               dWeight: dw.pointer, dBias: db.pointer, col: col.pointer)
        #expect(dx.maxAbsDifference(dxRef) <= 1e-4 * max(1, dxRef.maxAbs()))
        #expect(dw.maxAbsDifference(dwRef) <= 1e-4 * max(1, dwRef.maxAbs()))
        #expect(db.maxAbsDifference(dbRef) <= 1e-4 * max(1, dbRef.maxAbs()))

        guard g.isDepthwise else { return }
        let yDw = Tensor(zeros: g.outputShape)
        DepthwiseKernels.forward(g, x: x.pointer, weight: w.pointer, bias: b.pointer, y: yDw.pointer)
        #expect(yDw.maxAbsDifference(yRef) <= 1e-4 * max(1, yRef.maxAbs()))
        let dxDw = Tensor(zeros: x.shape), dwDw = Tensor(zeros: w.shape), dbDw = Tensor(zeros: [g.outChannels])
        DepthwiseKernels.backward(g, x: x.pointer, weight: w.pointer, dy: dy.pointer, dx: dxDw.pointer,
                                  dWeight: dwDw.pointer, dBias: dbDw.pointer)
        #expect(dxDw.maxAbsDifference(dxRef) <= 1e-4 * max(1, dxRef.maxAbs()))
        #expect(dwDw.maxAbsDifference(dwRef) <= 1e-4 * max(1, dwRef.maxAbs()))
        #expect(dbDw.maxAbsDifference(dbRef) <= 1e-4 * max(1, dbRef.maxAbs()))
    }

    @Test func outputSizeFollowsTheFormula() {
        let g = ConvGeometry(batch: 1, inChannels: 1, height: 224, width: 224, outChannels: 1, kernel: 3, stride: 2, padding: 1)
        #expect(g.outHeight == 112 && g.outWidth == 112)
        let d = ConvGeometry(batch: 1, inChannels: 1, height: 10, width: 10, outChannels: 1, kernel: 3, dilation: 2)
        #expect(d.outHeight == 6)
    }
}
