// swift-tools-version:6.0
// DeepScan: terminal forensic workbench. Targets and their allowed imports are
// listed in ARCHITECTURE.md; dependencies point down that table.
import PackageDescription

#if arch(x86_64)
let neuralKitSettings: [SwiftSetting] = Context.environment["DEEPSCAN_GENERIC_CPU"] == nil
    ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
#else
let neuralKitSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "DeepScan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "deepscan", targets: ["deepscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Theme files (themes/*.toml). Wraps toml++; ~12 s of a clean debug build here.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The case database (SQLite, over the system libsqlite3). ~45 s (25 s CPU) of a clean debug build here.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C bridges: module.modulemap + shim.h (a .c file only where a header cannot do it).
        .systemLibrary(name: "CFFmpeg", pkgConfig: "libavformat",
                       providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev", "libswresample-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        // cairo + pango: figures (PNG) and the PDF case report. Only Sources/CaseExport/Cairo imports it.
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CExif", pkgConfig: "libexif", providers: [.apt(["libexif-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // oneDNN: bf16 matmul for NeuralKit's reduced precision (Debian ships no pkg-config file for it).
        .systemLibrary(name: "CDNNL", providers: [.apt(["libdnnl-dev"])]),
        // libjpeg needs setjmp for error recovery, which Swift cannot call: a small C file.
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
        // dlib is C++: a .cpp file behind an extern "C" header (Swift needs no C++ interop). dlib's
        // templates (HOG pyramid, predictor) compile into cdlib.cpp, so it is built with -O2 even in
        // debug (-O0 makes detection far slower). Libraries as `pkg-config --libs dlib-1`: the
        // header-inlined matrix code calls BLAS/LAPACK (Debian's alternatives, OpenBLAS here).
        .target(name: "CDlib", cxxSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("dlib"), .linkedLibrary("lapack"), .linkedLibrary("blas"), .linkedLibrary("stdc++")]),

        // The ncurses workbench. Only Sources/Workbench/Terminal/NCursesTerminal.swift imports CNCurses.
        .target(name: "Workbench", dependencies: [
            "Evidence", "Media", "Forensics", "Detection", "CaseStore", "CaseExport", "CNCurses",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),

        .target(name: "Evidence"),
        .target(name: "Media", dependencies: ["Evidence", "CFFmpeg", "CSndFile", "CPoppler", "CJPEG", "CExif", "CZlib"]),
        .target(name: "Forensics", dependencies: ["Evidence", "Media"]),
        .target(name: "Detection", dependencies: ["Evidence", "Media", "Forensics", "CDlib"]),
        .target(name: "CaseStore", dependencies: ["Evidence", "Media", .product(name: "GRDB", package: "GRDB.swift")]),
        // Case report export: figures (key frames with heatmaps, spectrograms) and the PDF report.
        .target(name: "CaseExport", dependencies: [
            "Evidence", "Media", "Forensics", "CaseStore", "CCairo", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The neural engine on OpenBLAS (and oneDNN for bf16). Only NeuralKit imports COpenBLAS and
        // CDNNL. On x86-64 it is compiled for Haswell (AVX2 + FMA + F16C): its own SIMD kernels
        // (depthwise convolution, epilogues, LSTM gates) run 1.7-4x faster than on the SSE2 baseline
        // (see README, Engine), and Float16 weights widen in one instruction. Such CPUs date from 2013
        // on; DEEPSCAN_GENERIC_CPU=1 at build time drops the flag (Float16 then converts in software).
        .target(name: "NeuralKit", dependencies: ["COpenBLAS", "CDNNL"], swiftSettings: neuralKitSettings),
        .executableTarget(name: "deepscan", dependencies: [
            "Evidence", "Media", "Forensics", "Detection", "Workbench", "CaseStore", "CaseExport", "NeuralKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["Evidence", "Media"], path: "Tests/TestSupport"),
        .testTarget(name: "EvidenceTests", dependencies: ["Evidence", "TestSupport"]),
        .testTarget(name: "MediaTests", dependencies: ["Media", "Evidence", "TestSupport"]),
        .testTarget(name: "ForensicsTests", dependencies: ["Forensics", "Evidence", "Media", "TestSupport"]),
        // Fixtures are read from the source tree (#filePath), not bundled.
        .testTarget(name: "NeuralKitTests", dependencies: ["NeuralKit", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "Evidence", "Media", "TestSupport"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "Evidence", "Media", "Detection", "CaseStore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "Evidence", "Media", "Detection", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CaseExportTests", dependencies: ["CaseExport", "CaseStore", "Detection", "Evidence", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "deepscan"]),
    ]
)
