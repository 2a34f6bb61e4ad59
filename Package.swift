// swift-tools-version:6.0
import PackageDescription

// Generic types made concrete in our code (`KeyedEncodingContainer<CodingKeys>`, `Option<Int>`, a report
// table of rows) get their metadata from their accessor, given the conformances the compiler already knows,
// instead of from their mangled name, which the runtime must demangle and check: each first check of a
// (type, protocol) pair scans every conformance record of the static binary (~5,900 of them, most from
// Foundation), ~0.2-0.3 M instructions each. Measured in bench/RESULTS.md (round four, fixed cost).
let typeMetadataByAccessor: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

// libstdc++, which the Swift runtime needs, linked in as well where `make` has put its static archive alone in
// .build/static-libstdc++: the linker takes the first libstdc++ it finds on its search path, and this folder
// comes first. Linked dynamically, libstdc++.so costs the dynamic loader ~1.9 M instructions of symbol
// look-ups at every start (bench/RESULTS.md, round five, fixed cost). A missing folder is ignored: a plain
// `swift build` links libstdc++.so as before.
let libstdcxxFromMake: [LinkerSetting] = [
    .unsafeFlags(["-Xclang-linker", "-L\(Context.packageDirectory)/.build/static-libstdc++"]),
]

// The release binary's ~81,000 relative relocations (pointers in the Swift metadata, applied by the dynamic loader
// at every start) packed as DT_RELR, which gold cannot write and lld (shipped with the Swift toolchain) can:
// 0.41 M instructions less a run (bench/RESULTS.md, round six, start-up). It needs glibc 2.36, which the binary
// needs already (arc4random@GLIBC_2.36).
let packedRelocations: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(configuration: .release)),
]

let package = Package(
    name: "logscan",
    products: [
        .executable(name: "logscan", targets: ["logscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "CByteScan"),
        .target(
            name: "LogscanCore",
            dependencies: ["CZlib", "CByteScan"],
            // The pipeline is generic over its sink; this lets the `events` writer (another module) get a
            // specialized copy instead of generic dispatch per line (measured: see bench/RESULTS.md).
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))] + typeMetadataByAccessor
        ),
        .target(
            name: "LogscanRender",
            dependencies: ["LogscanCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: typeMetadataByAccessor,
            plugins: ["EmbedTemplates"]
        ),
        .target(
            name: "LogscanBan",
            dependencies: ["LogscanCore"],
            swiftSettings: typeMetadataByAccessor
        ),
        // templates/*.mustache become a generated Swift source of LogscanRender: a copied binary works alone.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        .executableTarget(
            name: "logscan",
            dependencies: [
                "LogscanCore",
                "LogscanRender",
                "LogscanBan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: typeMetadataByAccessor,
            linkerSettings: libstdcxxFromMake + packedRelocations
        ),
        .testTarget(
            name: "LogscanCoreTests",
            dependencies: ["LogscanCore", "LogscanRender"]
        ),
        .testTarget(
            name: "LogscanBanTests",
            dependencies: ["LogscanBan", "LogscanCore"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["LogscanCore", "logscan"]
        ),
    ]
)
