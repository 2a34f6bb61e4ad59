#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import LogscanBan
import LogscanCore
import LogscanRender
#if canImport(Glibc)
import Glibc
#endif

struct BanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ban", _superCommandName: DirectParse.rootName,
        abstract: "Print firewall commands that ban the addresses attacking this host. It only prints: it never runs them.",
        discussion: """
            logscan ban reads the same logs and counts the same attempts as the report, then prints a POSIX sh \
            script for iptables/ip6tables, nft or ipset. Nothing is changed until you run that script as root.

            Policy (defaults): an address is banned once it made --threshold (5) failed attempts within \
            --window (10m) of log time on one service; the window slides over the logs' own timestamps, across \
            rotated files. Probes and postfix rejects count only with --include-probes / --include-rejects \
            (one attempt each). Never banned: loopback, this host's own addresses, --allow / --allow-file \
            blocks, host names (logscan never resolves them), and, unless --ban-logged-in, addresses that \
            logged in successfully in the range (listed as "review"). Private and reserved ranges are banned \
            with a warning. IPv6 offenders are banned by their /64; --v4-prefix 24 bans a /24 once \
            --prefix-min (3) of its addresses qualify.

            The script is idempotent (running it twice adds nothing) and says in a comment why each address \
            is banned. With nothing to ban it is a script that does nothing, and the exit status is 0.

            Examples:
              logscan ban --since 1h                      review what would be banned
              logscan ban --since 1h | sh                 ban now (as root)
              logscan ban --backend nft --expire 1d --since 24h | sh
              logscan ban --allow 198.51.100.0/24 --allow-file /etc/logscan/allow
              logscan ban --format json --since 24h       the plan as data
              logscan ban --flush | sh                    remove every logscan ban

            Exit status: 0 success; 1 usage error or a bad allowlist entry; 2 some input was missing, \
            unreadable or damaged (the script is still printed from everything that could be read).
            """)

    enum Format: String, ArgumentChoices {
        case sh, json
        static let choices: [Format] = [.sh, .json]
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Firewall: iptables (IPv4 and ip6tables for IPv6), nft or ipset.")
    var backend = BackendChoice(.iptables)

    @Option(help: "Failed attempts within the window that get an address banned.")
    var threshold: WholeNumber = 5

    @Option(help: ArgumentHelp("Sliding window on log time: 90s, 10m, 1h, 1d.", valueName: "duration"))
    var window = "10m"

    @Option(name: [.customLong("services"), .customLong("service")], help: ArgumentHelp(
        "Services whose attempts count, comma-separated (logins on any service still protect an address). Default: all (sshd,postfix,dovecot).",
        valueName: "list"))
    var services: [ServiceList] = []

    @Flag(help: "Also count probes and scanners (connections that never tried to log in), one attempt each.")
    var includeProbes = false

    @Flag(help: "Also count postfix policy rejects (NOQUEUE: reject), one attempt each.")
    var includeRejects = false

    @Flag(help: "Ban addresses that also logged in successfully (by default they are listed for review).")
    var banLoggedIn = false

    @Option(help: ArgumentHelp("Never ban this address or CIDR block (repeatable).", valueName: "cidr"))
    var allow: [String] = []

    @Option(help: ArgumentHelp("Never ban the addresses in this file: one address or CIDR per line, # comments (repeatable).", valueName: "file"))
    var allowFile: [String] = []

    @Option(help: ArgumentHelp("Ban an IPv4 /N once --prefix-min of its addresses qualify (16-32; 32: single addresses).", valueName: "N"))
    var v4Prefix: WholeNumber = 32

    @Option(help: ArgumentHelp("Addresses of one IPv4 prefix that must qualify before the prefix is banned.", valueName: "N"))
    var prefixMin: WholeNumber = 3

    @Option(help: ArgumentHelp("Ban this IPv6 prefix of an offender (32-128; 128: the address alone).", valueName: "N"))
    var v6Prefix: WholeNumber = 64

    @Option(help: ArgumentHelp("nft and ipset: the kernel removes each ban after this long (1h, 1d, 1w).", valueName: "duration"))
    var expire: String?

    @Flag(help: "Print the commands that remove every logscan ban of the backend, and read no logs.")
    var flush = false

    @Option(help: "Output: sh (a script) or json (the plan as data).")
    var format: Format = .sh

    @Flag(name: .shortAndLong, help: "Do not say on stderr which files were read (warnings still show).")
    var quiet = false

    func validate() throws {
        guard (1...1_000_000).contains(threshold.value) else { throw ValidationError("--threshold must be 1 to 1000000") }
        guard (16...32).contains(v4Prefix.value) else { throw ValidationError("--v4-prefix must be 16 to 32") }
        guard (32...128).contains(v6Prefix.value) else { throw ValidationError("--v6-prefix must be 32 to 128") }
        guard prefixMin.value >= 1 else { throw ValidationError("--prefix-min must be 1 or more") }
        if expire != nil && !backend.name.supportsExpiry {
            throw ValidationError("--expire needs --backend nft or ipset (iptables rules have no timeout)")
        }
        _ = try policy()
    }

    func policy() throws -> BanPolicy {
        var policy = BanPolicy()
        policy.threshold = threshold.value
        guard let seconds = TimeSpec.duration(window), seconds > 0 else {
            throw ValidationError("--window \(window): give a duration such as 90s, 10m, 1h or 1d")
        }
        policy.windowSeconds = seconds
        if let expire {
            guard let seconds = TimeSpec.duration(expire), seconds > 0 else {
                throw ValidationError("--expire \(expire): give a duration such as 1h, 1d or 1w")
            }
            policy.expireSeconds = seconds
        }
        if !services.isEmpty { policy.services = Set(services.flatMap(\.services)) }
        policy.includeProbes = includeProbes
        policy.includeRejects = includeRejects
        policy.banLoggedIn = banLoggedIn
        policy.v4Prefix = v4Prefix.value
        policy.prefixMinimum = prefixMin.value
        policy.v6Prefix = v6Prefix.value
        return policy
    }

    /// Loopback, this host's addresses, --allow and --allow-file; a bad entry stops the command (exit 1).
    func allowList() throws -> AllowList {
        var list = AllowList()
        list.addBuiltIn(hostAddresses: HostAddresses.current())
        do {
            for text in allow { try list.add(option: text) }
            for path in allowFile {
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw AllowList.BadEntry(description: "--allow-file \(path): cannot read it")
                }
                try list.add(fileContents: Array(contents), name: path)
            }
        } catch let bad as AllowList.BadEntry {
            Diagnostics.say("error: " + bad.description)
            throw ExitCode(1)
        }
        return list
    }

    func run() throws {
        let script = BanScript(backend: backend.name.backend, zone: input.zone, generatedBy: "logscan \(Logscan.version)")
        let output = OutputBuffer()
        if flush {
            output.append(string: script.renderFlush())
            output.flush()
            return
        }
        let policy = try policy()
        let planner = BanPlanner(policy: policy, allowList: try allowList())
        let range = try input.timeRange(now: .now)
        guard let inputs = Diagnostics.plan(input, range: range, quiet: quiet) else { throw ExitCode(ExitStatus.partialInput) }
        let progress = ProgressLine(plan: inputs, enabled: !quiet)
        let scanner = Scanner(range: range, zone: input.zone, progress: progress.counter, chunking: Self.chunking)
        let (tally, run) = scanner.aggregate(inputs) { BanTally(policy: policy, zone: $0) }
        progress.finish()
        Diagnostics.warn(run)
        let plan = planner.plan(tally, run: run)
        for warning in plan.warnings { Diagnostics.warn(warning) }
        switch format {
        case .sh:
            output.append(string: script.render(plan))
        case .json:
            try JSONRenderer.write(encodable: plan, to: output)
        }
        output.flush()
        if run.isPartial { throw ExitCode(ExitStatus.partialInput) }
    }

    /// The scanner's chunking; `LOGSCAN_CHUNK_BYTES` (not in --help) sets a small chunk size so tests can cut
    /// a fixture into chunks.
    static var chunking: (minimumFileBytes: Int64, chunkBytes: Int64) {
        // getenv, not ProcessInfo: Foundation copies the whole environment first (~0.5 M instructions a run).
        guard let text = getenv("LOGSCAN_CHUNK_BYTES").map({ String(cString: $0) }), let bytes = Int64(text), bytes > 0 else {
            return (FileChunks.minimumFileBytes, FileChunks.chunkBytes)
        }
        return (1, bytes)
    }
}
