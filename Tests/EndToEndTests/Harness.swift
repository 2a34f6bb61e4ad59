import Foundation
import LogscanCore
import Testing

/// Runs the built `logscan` binary, as a user would, on copies of `Fixtures/`.
enum Harness {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The binary next to the test bundle (`swift test` builds it), or `$LOGSCAN_BIN`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["LOGSCAN_BIN"] { return URL(fileURLWithPath: path) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("logscan").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("logscan")
    }()

    struct Run {
        var status: Int32
        var out: String
        var err: String
        var outBytes: Data
    }

    /// Runs logscan with `arguments` in `directory`, TZ=UTC unless `environment` says otherwise.
    static func logscan(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
                        environment: [String: String] = [:]) throws -> Run {
        try run(binary, arguments, in: directory, stdin: stdin, environment: environment)
    }

    /// Runs any program the same way (TZ=UTC, the package root as working folder by default).
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                   err: String(decoding: errData, as: UTF8.self), outBytes: outData)
    }

    /// Copies `Fixtures/<set>` to a new temporary folder and gives its files the mtimes logrotate would
    /// have left (`name: "2026-11-21T06:25:00Z"`), since a checkout stamps every file with the clone time.
    /// The folder's name is short: the text report cuts a path to its line width, and tests look for whole
    /// paths in it (`make test` puts TMPDIR one folder deeper).
    static func fixtures(_ set: String, mtimes: [String: String] = [:]) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("e2e-\(UUID().uuidString.prefix(8))").appendingPathComponent(set)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(set), to: target)
        for (name, stamp) in mtimes {
            let date = try #require(ISO8601DateFormatter().date(from: stamp))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target.appendingPathComponent(name).path)
        }
        return target
    }

    static func report(_ run: Run) throws -> Report {
        try JSONDecoder().decode(Report.self, from: run.outBytes)
    }

    /// NDJSON lines of `logscan events`.
    static func events(_ run: Run) throws -> [[String: Any]] {
        try run.out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}

extension Report {
    var sshd: Report.ServiceSection? { services.first { $0.service == .sshd } }
}

extension Report.ServiceSection {
    func attempts(ip: String) -> Int? { ips.rows.first { $0.ip == ip }?.attempts }
    func attempts(user: String) -> Int? { users.rows.first { $0.user == user }?.attempts }
}

/// Real programs the tests drive (journalctl, sendmail, chromium, iptables…). `make test` installs them;
/// a missing one fails the test that needs it, so a real-part test never skips silently.
enum RealTool {
    /// The tool's path on PATH or in the usual sbin folders, or a recorded failure naming the package.
    static func require(_ name: String, package: String) throws -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/sbin", "/sbin", "/usr/lib/systemd"]
        for folder in folders {
            let path = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        Issue.record("\(name) is not installed: run `make test`, which installs the Debian package \(package)")
        throw MissingTool(name: name)
    }

    struct MissingTool: Error { var name: String }
}
