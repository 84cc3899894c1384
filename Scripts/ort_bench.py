#!/usr/bin/env python3
"""ONNX Runtime peer for `deepscan bench engine`.

Builds the same architectures NeuralKit runs in the benchmark, with the same shapes (so the same
FLOPs; weights are random: speed does not depend on their values), runs each in onnxruntime on the
CPU with intra_op_num_threads = --threads, and prints one JSON object:
  {"onnxruntime": version, "onnx": version, "threads": n, "runs": r,
   "cases": {name: {"median_ms": m, "runs": r}}}
Each case is timed after one untimed warm-up run; the median of --runs timed runs is reported.

Cases come from the Swift side as JSON (--cases), so the shapes are defined in one place:
  {"name": "...", "model": "mobilenet_v2" | "bilstm" | "autoencoder", "input": [N, ...], "hidden": H}
Models:
  mobilenet_v2  torchvision's MobileNetV2 (1000 classes) in inference form: every BatchNorm folded
                into its convolution (conv with bias), ReLU6 as Clip, global average pool, Gemm;
                NeuralKit's `MobileNetV2.make().foldingBatchNorm()`
  bilstm        one bidirectional LSTM layer, batch-first (N, T, F) -> (N, T, 2H)
  autoencoder   the parity fixture's convolutional autoencoder (Scripts/make-neuralkit-fixtures)
The convolution, ReLU6, linear and autoencoder builders are the fixture script's own `Graph`
methods, loaded from Scripts/make-neuralkit-fixtures.

With --serve it times one case per request instead, so the caller can time its own runs of a case
right after ORT's, under the same machine load: it builds every session, prints "ready", then for
each line read from stdin ("<case name>\t<runs>") runs that case once untimed and `runs` times
timed, and prints the median milliseconds. (Alternating single runs would be closer still, but
ORT's worker threads spin for a while after each run and would steal the other side's cores.)

Usage: Scripts/ort_bench.py --threads 2 --runs 5 --cases '[{"name": "mnv2", "model": "mobilenet_v2", "input": [1, 3, 224, 224]}]'
Needs onnx, onnxruntime and numpy (Scripts/setup-bench installs them into cache/pyenv).
"""
import argparse
import importlib.machinery
import importlib.util
import json
import os
import statistics
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))


def load_fixture_builders():
    """The Graph builder of Scripts/make-neuralkit-fixtures (a script without .py), as a module."""
    path = os.path.join(HERE, "make-neuralkit-fixtures")
    loader = importlib.machinery.SourceFileLoader("neuralkit_fixtures", path)
    spec = importlib.util.spec_from_loader("neuralkit_fixtures", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    module.np = np  # the script binds numpy only under __main__
    return module


fixtures = load_fixture_builders()

# (expansion t, output channels c, repeats n, first stride s): MobileNetV2.stages in Swift.
STAGES = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]


def mobilenet_v2(g, x, classes=1000):
    """Folded MobileNetV2: conv+bias (BatchNorm folded) and Clip(0, 6), as NeuralKit runs it."""
    x = g.relu6(g.conv(x, "stem", 3, 32, 3, stride=2, pad=1))
    c = 32
    for b, (t, out, n, s) in enumerate(STAGES):
        for i in range(n):
            stride, hidden, inp = (s if i == 0 else 1), c * t, x
            p = f"b{b}_{i}"
            h = x
            if t != 1:
                h = g.relu6(g.conv(h, p + ".expand", c, hidden, 1))
            h = g.relu6(g.conv(h, p + ".dw", hidden, hidden, 3, stride=stride, pad=1, groups=hidden))
            h = g.conv(h, p + ".project", hidden, out, 1)
            x = g.node("Add", [h, inp]) if stride == 1 and c == out else h
            c = out
    x = g.relu6(g.conv(x, "head", c, 1280, 1))
    x = g.flatten(g.node("GlobalAveragePool", [x]))
    return g.linear(x, "classifier", 1280, classes)


def bilstm(g, x, features, hidden):
    """Bidirectional LSTM on batch-first (N, T, F) -> (N, T, 2H), like NeuralKit's LSTM."""
    bound = 1 / np.sqrt(hidden)
    w = g.uniform("W", (2, 4 * hidden, features), bound)
    r = g.uniform("R", (2, 4 * hidden, hidden), bound)
    b = g.uniform("B", (2, 8 * hidden), bound)
    y = g.node("Transpose", [x], perm=[1, 0, 2])                      # (T, N, F)
    y = g.node("LSTM", [y, w, r, b], direction="bidirectional", hidden_size=hidden)   # (T, 2, N, H)
    y = g.node("Transpose", [y], perm=[2, 0, 1, 3])                   # (N, T, 2, H)
    shape = g.const(g.tmp(), np.array([0, 0, -1], dtype=np.int64), weight=False)
    return g.node("Reshape", [y, shape])                              # (N, T, 2H)


def build(case):
    g = fixtures.Graph(np.random.default_rng(0))
    model, shape = case["model"], case["input"]
    if model == "mobilenet_v2":
        y, out = mobilenet_v2(g, "input"), [shape[0], 1000]
    elif model == "bilstm":
        y, out = bilstm(g, "input", shape[2], case["hidden"]), [shape[0], shape[1], 2 * case["hidden"]]
    elif model == "autoencoder":
        (y, _), out = fixtures.autoencoder(g, "input"), shape
    else:
        raise SystemExit(f"ort_bench: unknown model {model!r}")
    graph = helper.make_graph(g.nodes, model, [helper.make_tensor_value_info("input", TensorProto.FLOAT, shape)],
                              [helper.make_tensor_value_info(y, TensorProto.FLOAT, out)], g.inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(m)
    return m


def session(case, threads):
    ort.set_default_logger_severity(3)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    sess = ort.InferenceSession(build(case).SerializeToString(), opts, providers=["CPUExecutionProvider"])
    x = np.random.default_rng(1).standard_normal(case["input"]).astype("float32")
    return sess, x


def timed_run(sess, x):
    start = time.perf_counter()
    sess.run(None, {"input": x})
    return (time.perf_counter() - start) * 1000


def time_case(case, threads, runs):
    sess, x = session(case, threads)
    timed_run(sess, x)
    return statistics.median(timed_run(sess, x) for _ in range(runs))


def serve(cases, threads):
    sessions = {c["name"]: session(c, threads) for c in cases}
    print(json.dumps({"ready": True, "onnxruntime": ort.__version__}), flush=True)
    for line in sys.stdin:
        name, _, runs = line.rstrip("\n").partition("\t")
        if name not in sessions or not runs.isdigit():
            print(json.dumps({"error": f"bad request {line.strip()!r}"}), flush=True)
            continue
        sess, x = sessions[name]
        timed_run(sess, x)
        print(repr(statistics.median(timed_run(sess, x) for _ in range(int(runs)))), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cases", required=True, help="JSON list of cases")
    ap.add_argument("--serve", action="store_true", help="time one run per case name read from stdin")
    a = ap.parse_args()
    cases = json.loads(a.cases)
    if a.serve:
        return serve(cases, a.threads)
    out = {"onnxruntime": ort.__version__, "onnx": onnx.__version__, "threads": a.threads, "runs": a.runs,
           "cases": {c["name"]: {"median_ms": time_case(c, a.threads, a.runs), "runs": a.runs} for c in cases}}
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
