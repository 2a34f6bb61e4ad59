import Foundation
import LogscanCore
import Testing

/// `make install` as an admin runs it: every file in its place, a binary that runs where no Swift is
/// installed, a man page that renders, completions that complete, and `make uninstall` that removes it all.
///
/// `make test` stages the install in `.build/stage` before `swift test` and names it in `LOGSCAN_STAGE`; a
/// plain `swift test` stages it itself in a build folder of its own (`.build-install`; the first time is a
/// full release build).
@Suite(.serialized) struct InstallTests {
    static let prefix = "/usr/local"

    static let stage: Result<URL, Error> = Result {
        if let path = ProcessInfo.processInfo.environment["LOGSCAN_STAGE"] { return URL(fileURLWithPath: path) }
        let make = try RealTool.require("make", package: "make")
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-stage-\(UUID().uuidString)")
        let run = try Harness.run(URL(fileURLWithPath: make), ["install", "DESTDIR=\(target.path)", "SCRATCH=.build-install"])
        guard run.status == 0 else { throw StageFailed(output: run.out + run.err) }
        return target
    }

    /// The `make dist` tarball: `LOGSCAN_DIST` from `make test`, or made here in `.build-install`.
    static let tarball: Result<URL, Error> = Result {
        if let path = ProcessInfo.processInfo.environment["LOGSCAN_DIST"] { return URL(fileURLWithPath: path) }
        let make = try RealTool.require("make", package: "make")
        let run = try Harness.run(URL(fileURLWithPath: make), ["--no-print-directory", "dist", "SCRATCH=.build-install"])
        guard run.status == 0, let last = run.out.split(separator: "\n").last else { throw StageFailed(output: run.out + run.err) }
        return Harness.packageRoot.appendingPathComponent(String(last))
    }

    struct StageFailed: Error { var output: String }

    static func installed(_ path: String) throws -> URL { try stage.get().appendingPathComponent(path) }

    static let files = [
        "usr/local/bin/logscan", "usr/local/share/man/man1/logscan.1",
        "usr/local/share/bash-completion/completions/logscan", "usr/local/share/zsh/site-functions/_logscan",
        "usr/local/share/fish/vendor_completions.d/logscan.fish", "etc/cron.daily/logscan", "etc/default/logscan",
        "usr/local/lib/systemd/system/logscan.service", "usr/local/lib/systemd/system/logscan.timer",
    ]

    @Test func everyFileIsInItsPlace() throws {
        for file in Self.files {
            #expect(FileManager.default.fileExists(atPath: try Self.installed(file).path), "\(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: try Self.installed("etc/cron.daily/logscan").path))
    }

    /// The toolchain's folder: the one holding `bin/swift`'s `usr`.
    static func toolchainRoot() throws -> String {
        let swift = URL(fileURLWithPath: try RealTool.require("swift", package: "the Swift toolchain from swift.org"))
            .resolvingSymlinksInPath()
        return swift.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test func theBinaryNeedsNoSwiftRuntime() throws {
        let readelf = try RealTool.require("readelf", package: "binutils")
        let toolchain = try Self.toolchainRoot()
        let dynamic = try Harness.run(URL(fileURLWithPath: readelf), ["-d", try Self.installed("usr/local/bin/logscan").path])
        #expect(dynamic.status == 0)
        #expect(!dynamic.out.contains(toolchain), "no RUNPATH into \(toolchain): \(dynamic.out)")
        #expect(!dynamic.out.contains("libswiftCore"), "\(dynamic.out)")
        #expect(!dynamic.out.contains("libFoundation"), "\(dynamic.out)")
        // The test's own debug binary is the control: it does point into the toolchain.
        let debug = try Harness.run(URL(fileURLWithPath: readelf), ["-d", Harness.binary.path])
        #expect(debug.out.contains(toolchain) && debug.out.contains("libswiftCore"))
    }

    /// Runs `arguments` in a mount namespace where an empty tmpfs hides the Swift toolchain.
    static func withoutToolchain(_ arguments: [String]) throws -> Harness.Run {
        let unshare = try RealTool.require("unshare", package: "util-linux")
        let script = "mount -t tmpfs none \"$0\" && exec \"$@\""
        return try Harness.run(URL(fileURLWithPath: unshare), ["-m", "/bin/sh", "-c", script, try toolchainRoot()] + arguments)
    }

    @Test func theInstalledBinaryReportsWithTheToolchainHidden() throws {
        let toolchain = try Self.toolchainRoot()
        let hidden = try Self.withoutToolchain(["/bin/ls", "-A", toolchain])
        #expect(hidden.status == 0 && hidden.out.isEmpty, "the toolchain folder is empty in the namespace: \(hidden.out)\(hidden.err)")
        let control = try Self.withoutToolchain([Harness.binary.path, "--version"])
        #expect(control.status == 127, "the debug binary cannot start without the toolchain: \(control.err)")

        let sets = [try Harness.fixtures("debian").path, try Harness.fixtures("mail").path]
        let installed = try Self.withoutToolchain([try Self.installed("usr/local/bin/logscan").path, "--quiet", "--format", "json"] + sets)
        #expect(installed.status == 2, "the truncated auth.log.3.gz: \(installed.err)")
        let report = try Harness.report(installed)
        #expect(report.sshd?.failedAttempts == 67)
        #expect(report.alerts.count == 2)
        // The same report as the debug build's.
        let reference = try Harness.logscan(["--quiet", "--format", "json"] + sets)
        #expect(JSONStabilityTests.withoutGeneratedAt(installed.out) == JSONStabilityTests.withoutGeneratedAt(reference.out))
        let text = try Self.withoutToolchain([try Self.installed("usr/local/bin/logscan").path, "--quiet"] + sets)
        #expect(text.out.contains("POSSIBLE COMPROMISE"))
    }

    @Test func theManPageRendersWithTheCountingRulesAndExitCodes() throws {
        let mandoc = try RealTool.require("mandoc", package: "mandoc")
        let page = try Self.installed("usr/local/share/man/man1/logscan.1").path
        let lint = try Harness.run(URL(fileURLWithPath: mandoc), ["-T", "lint", "-W", "error", page])
        #expect(lint.status == 0, "\(lint.out)\(lint.err)")
        // The sections added to generate-manual's page (from COUNTING RULES on: README.md's and doc/'s) are
        // clean even at warning level; the generated part has the generator's style warnings (blank lines,
        // sentences mid-line).
        let pageLines = try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let added = try #require(pageLines.firstIndex(of: ".Sh COUNTING RULES")) + 1
        let linted = try Harness.run(URL(fileURLWithPath: mandoc), ["-T", "lint", "-W", "warning", page])
        let warnings = linted.out + linted.err
        for warning in warnings.split(separator: "\n") {
            let number = warning.split(separator: ":").compactMap { Int($0) }.first ?? 0
            #expect(number < added, "\(warning)")
        }
        let rendered = try Harness.run(URL(fileURLWithPath: mandoc), ["-T", "utf8", "-O", "width=100", page]).out
            .replacingOccurrences(of: ".\u{8}", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        for text in ["EXIT STATUS", "COUNTING RULES", "FILES", "EXAMPLES", "--fail-on", "--trust", "--since",
                     "--quiet-if-empty", "Print one JSON object per recognised line", "CRITICAL"] {
            #expect(rendered.contains(text), "\(text)")
        }
        // The counting rules and exit codes are README.md's own words.
        let readme = try String(contentsOf: Harness.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rules = readme.components(separatedBy: "### How attempts are counted")[1].components(separatedBy: "\n#")[0]
        let exits = readme.components(separatedBy: "### Exit status")[1].components(separatedBy: "\n#")[0]
        let items = rules.split(separator: "\n").filter { $0.first?.isNumber == true }.map { $0.drop { $0 != " " }.dropFirst() }
            + exits.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }
                .map { $0.split(separator: "|")[1...].joined(separator: " ").dropFirst(0) }
        #expect(items.count >= 9)
        for item in items {
            let words = item.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "*", with: "")
                .split(separator: " ").prefix(5).joined(separator: " ")
            #expect(rendered.contains(words), "man page lacks README's \(words)")
        }
        let man = try RealTool.require("man", package: "man-db")
        let viaMan = try Harness.run(URL(fileURLWithPath: man), ["logscan"], environment: [
            "MANPATH": try Self.installed("usr/local/share/man").path, "MANPAGER": "cat", "MANWIDTH": "100"])
        #expect(viaMan.status == 0 && viaMan.out.contains("COUNTING RULES"), "\(viaMan.err)")
    }

    /// Runs bash's completion function for `logscan <words>` and returns what it offers.
    static func bashCompletions(_ words: String) throws -> [String] {
        let bash = try RealTool.require("bash", package: "bash")
        let script = """
            source "$1"
            read -ra words <<< "$2"; [[ "$2" == *" " ]] && words+=("")
            COMP_WORDS=(logscan "${words[@]}"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="logscan $2"; COMP_POINT=${#COMP_LINE}
            function=$(complete -p logscan | sed -E 's/.* -F ([^ ]+) .*/\\1/')
            "$function" logscan "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let file = try installed("usr/local/share/bash-completion/completions/logscan").path
        let run = try Harness.run(URL(fileURLWithPath: bash), ["-c", script, "bash", file, words])
        #expect(run.err.isEmpty, "\(run.err)")
        return run.out.split(separator: "\n").map(String.init)
    }

    /// swift-argument-parser completes the default command's options after its name (`logscan report --fo`),
    /// not at the top level.
    @Test func bashCompletesSubcommandsAndOptions() throws {
        #expect(try Self.bashCompletions("ev") == ["events"])
        #expect(try Self.bashCompletions("report --fo").contains("--format"))
        #expect(try Self.bashCompletions("report --fail-on ") == ["alert", "failures="])
        #expect(try Self.bashCompletions("report --service ") == ["sshd", "postfix", "dovecot"])
        #expect(try Self.bashCompletions("events --unm") == ["--unmatched"])
    }

    @Test func zshAndFishReadTheirCompletions() throws {
        let zsh = try RealTool.require("zsh", package: "zsh")
        let fish = try RealTool.require("fish", package: "fish")
        let zshFile = try Self.installed("usr/local/share/zsh/site-functions/_logscan").path
        let fishFile = try Self.installed("usr/local/share/fish/vendor_completions.d/logscan.fish").path
        #expect(try Harness.run(URL(fileURLWithPath: zsh), ["-n", zshFile]).status == 0)
        let fishRun = try Harness.run(URL(fileURLWithPath: fish), ["--no-config", "-c", "source \(fishFile); complete -C 'logscan report --fo'"])
        #expect(fishRun.out.contains("--format"), "\(fishRun.out)\(fishRun.err)")
        #expect(try String(contentsOfFile: zshFile, encoding: .utf8).contains("--fail-on"))
    }

    @Test func uninstallRemovesEverythingButEditedSettings() throws {
        let make = try RealTool.require("make", package: "make")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-uninstall-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try Self.stage.get(), to: copy)
        let run = try Harness.run(URL(fileURLWithPath: make), ["uninstall", "DESTDIR=\(copy.path)"])
        #expect(run.status == 0, "\(run.err)")
        for file in Self.files {
            #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent(file).path), "\(file)")
        }
        // Edited settings stay.
        let edited = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-uninstall-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try Self.stage.get(), to: edited)
        let settings = edited.appendingPathComponent("etc/default/logscan")
        try "LOGSCAN_MAILTO=admin@example.org\n".write(to: settings, atomically: true, encoding: .utf8)
        #expect(try Harness.run(URL(fileURLWithPath: make), ["uninstall", "DESTDIR=\(edited.path)"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: settings.path))
    }

    /// The tarball holds the installed tree, the README and example outputs; its binary runs without Swift.
    @Test func theDistTarballUnpacksToAWorkingTree() throws {
        let tar = try RealTool.require("tar", package: "tar")
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-dist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let unpack = try Harness.run(URL(fileURLWithPath: tar), ["-xzf", try Self.tarball.get().path, "-C", target.path,
                                                                  "--strip-components=1"])
        #expect(unpack.status == 0, "\(unpack.err)")
        let docs = ["usr/local/share/doc/logscan/README.md", "usr/local/share/doc/logscan/examples/default-logscan",
                    "usr/local/share/doc/logscan/examples/check_logscan"]
        for file in Self.files + docs {
            #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(file).path), "\(file)")
        }
        let examples = target.appendingPathComponent("usr/local/share/doc/logscan/examples")
        let text = try String(contentsOf: examples.appendingPathComponent("report.text"), encoding: .utf8)
        #expect(text.hasPrefix("logscan report") && text.contains("POSSIBLE COMPROMISE"))
        let json = try JSONDecoder().decode(Report.self, from: Data(contentsOf: examples.appendingPathComponent("report.json")))
        #expect(json.sshd?.failedAttempts == 67)
        #expect(!json.inputs.files.contains { $0.path.hasPrefix("/") }, "no build machine paths")
        let email = try String(contentsOf: examples.appendingPathComponent("report.email"), encoding: .utf8)
        #expect(email.contains("To: root@example.org") && email.contains("multipart/alternative"))
        let events = try String(contentsOf: examples.appendingPathComponent("events.ndjson"), encoding: .utf8)
        #expect(events.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"file\":\"Fixtures/") })
        let run = try Self.withoutToolchain([target.appendingPathComponent("usr/local/bin/logscan").path, "--version"])
        #expect(run.status == 0 && run.out == "0.1.0\n", "\(run.err)")
    }
}
