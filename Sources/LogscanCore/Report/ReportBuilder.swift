/// Ranks an aggregate into the report model: count descending, then key; top N rows per table.
public struct ReportBuilder {
    public var top: Int
    public var topUsersPerIP = 3
    /// Which "failed, then logged in" addresses are alerts (`--trust`).
    public var trust = TrustPolicy()
    /// The zone whose days bucket a timeline longer than a week.
    public var zone: Zone
    /// Large tables (`--top 0` or a large `--top`) get rows made as they are written (every renderer streams
    /// them, a row at a time), not stored: see `LazyRows`.
    public var streamsRows = false
    static let lazyRowsFrom = 256

    public init(top: Int, zone: Zone = .utc) {
        self.top = top
        self.zone = zone
    }

    public func build(_ aggregate: Aggregator, run: ScanRun, generatedAt: Instant) -> Report {
        let range = Report.Range(since: run.range.since, until: run.range.until)
        let covered = Report.CoveredTimes(since: aggregate.firstTime, until: aggregate.lastTime)
        let span = timelineSpan(range: range, covered: covered, now: generatedAt)
        // Most failed attempts first: the service under attack leads the report.
        let services = aggregate.services.keys.sorted().map { section($0, aggregate.services[$0]!, span: span) }
            .sorted { ($0.failedAttempts, $1.service) > ($1.failedAttempts, $0.service) }
        let alerts = aggregate.services.keys.sorted().flatMap { compromiseAlerts($0, aggregate.services[$0]!) }
        let offenders = crossServiceOffenders(aggregate.services)
        return Report(
            generatedAt: generatedAt,
            range: range,
            covered: covered,
            inputs: inputs(run, generatedAt: generatedAt),
            alerts: alerts,
            offenders: offenders,
            services: services,
            untaggedUnmatched: unmatched(["(no tag)": aggregate.untaggedUnmatched]))
    }

    func inputs(_ run: ScanRun, generatedAt: Instant) -> Report.Inputs {
        let files = run.files.map {
            Report.FileEntry(path: $0.source.displayName, compressed: $0.read.compressed, diskBytes: $0.read.rawBytes,
                             stats: $0.stats, problem: $0.read.problem)
        }
        let skipped = run.plan.skipped.map {
            Report.SkippedFile(path: $0.source.displayName, modified: $0.source.modified, reason: $0.reason)
        }
        return Report.Inputs(files: files, skipped: skipped, warnings: run.warnings,
                             stale: StaleInputs.find(run, generatedAt: generatedAt),
                             totalLines: files.reduce(0) { $0 +| $1.stats.lines },
                             totalBytes: files.reduce(0) { $0 +| $1.stats.bytes })
    }

    func section(_ service: Service, _ tally: ServiceTally, span: (Int64, Int64)?) -> Report.ServiceSection {
        let ips = ranked(tally.failuresByPeer, count: { $0.attempts.count }) { peer, failures in
            Report.IPRow(ip: peer.description, attempts: failures.attempts.count, distinctUsers: failures.distinctUsers,
                         topUsers: ranked(tally.users(of: failures), limit: topUsersPerIP,
                                          count: { $0 }) { user, _ in user.safeText }.rows,
                         first: failures.attempts.first, last: failures.attempts.last)
        }
        let peersPerUser = tally.distinctPeersPerUser()
        let failuresByUser = tally.failuresByUser
        let users = ranked(failuresByUser, count: { $0.attempts }) { user, failures in
            Report.UserRow(user: user.safeText, attempts: failures.attempts, distinctIPs: peersPerUser[user] ?? 0,
                           exists: failures.validity)
        }
        let logins = ranked(tally.logins, count: { $0.count }, keyOrder: loginOrder) { login, span in
            Report.LoginRow(user: login.user.safeText, ip: login.peer?.description,
                            method: login.method.safeText, count: span.count, first: span.first, last: span.last)
        }
        let probes = ranked(tally.probesByPeer, count: { $0.count }) { peer, span in
            Report.ProbeRow(ip: peer.description, count: span.count, first: span.first, last: span.last)
        }
        return Report.ServiceSection(
            service: service, failedAttempts: tally.failedAttempts, failedAttemptsWithoutIP: tally.failuresWithoutPeer,
            failingIPs: tally.failuresByPeer.count, failedUsers: failuresByUser.count,
            successfulLogins: tally.successes, probes: tally.probes, keyProbes: tally.keyProbes.count,
            limitMarkers: tally.limitMarkers, ips: ips, users: users, logins: logins, probeSources: probes,
            unmatched: unmatched(tally.unmatched), rejects: rejectSection(tally.rejects),
            traffic: trafficSection(tally.traffic), problems: problemRows(tally.problems),
            failuresOverTime: timeline(tally.failuresByHour, span: span))
    }

    /// Addresses that failed and, at or after their first failure, logged in.
    func compromiseAlerts(_ service: Service, _ tally: ServiceTally) -> [Report.Alert] {
        var alerts: [Report.Alert] = []
        for (login, span) in tally.logins {
            guard let peer = login.peer, let failures = tally.failuresByPeer[peer],
                  trust.alerts(peer: peer, failures: failures.attempts.count) else { continue }
            let firstFailure = failures.attempts.first
            let loggedIn = [span.first, span.last].compactMap { $0 }.first { time in firstFailure.map { time >= $0 } ?? true }
            guard loggedIn != nil || span.last == nil || firstFailure == nil else { continue }
            alerts.append(Report.Alert(service: service, ip: peer.description, user: login.user.safeText,
                                       method: login.method.safeText, failedAttempts: failures.attempts.count,
                                       firstFailure: firstFailure, loggedInAt: loggedIn ?? span.last))
        }
        return alerts.sorted { ($0.failedAttempts, $1.ip, $1.user) > ($1.failedAttempts, $0.ip, $0.user) }
    }

    func unmatched(_ programs: [String: SampledLines]) -> Report.UnmatchedSection {
        let rows = programs.filter { $0.value.count > 0 }.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        return Report.UnmatchedSection(
            count: rows.reduce(0) { $0 +| $1.value.count },
            programs: rows.map { Report.UnmatchedProgram(program: SafeText.from(Array($0.key.utf8)), count: $0.value.count,
                                                         samples: $0.value.samples.map { SafeText.from($0) }) })
    }

    private func loginOrder(_ a: ServiceTally.Login, _ b: ServiceTally.Login) -> Bool {
        if a.user != b.user { return a.user < b.user }
        if a.peer != b.peer {
            // No address first (the two differ, so at most one is nil).
            guard let first = a.peer else { return true }
            guard let second = b.peer else { return false }
            return first < second
        }
        return a.method < b.method
    }

    /// The top `limit` of the positions `0..<counts.count` (0 keeps all) by count descending, then by
    /// `keyPrecedes`. With a limit it selects in one pass instead of sorting every position (a million
    /// addresses). Positions, not entries: no key or value is copied to be compared.
    func rankedPositions(_ counts: [Int], limit: Int, keyPrecedes: (Int, Int) -> Bool) -> [Int] {
        func precedes(_ a: Int, _ b: Int) -> Bool { counts[a] != counts[b] ? counts[a] > counts[b] : keyPrecedes(a, b) }
        var kept: [Int]
        // Insertion into a short list is linear per element: only for a short list (a `--top 500000` on a
        // million rows sorts instead of taking hours).
        if limit > 0 && counts.count > limit && limit <= 1024 {
            kept = []
            kept.reserveCapacity(limit + 1)
            for position in counts.indices where kept.count < limit || precedes(position, kept[kept.count - 1]) {
                var at = kept.count
                while at > 0 && precedes(position, kept[at - 1]) { at -= 1 }
                kept.insert(position, at: at)
                if kept.count > limit { kept.removeLast() }
            }
        } else {
            kept = counts.indices.sorted(by: precedes)
            if limit > 0 && kept.count > limit { kept.removeSubrange(limit...) }
        }
        return kept
    }

    /// A ranked table of a `KeyedTable`'s or a dictionary's entries: count descending, then `keyOrder`.
    func ranked<Table: RankedEntries, Row>(_ table: Table, limit: Int? = nil, count: (Table.Value) -> Int,
                                           keyOrder: (Table.Key, Table.Key) -> Bool,
                                           row: @escaping (Table.Key, Table.Value) -> Row) -> Report.Table<Row> {
        let (keys, values) = (table.entryKeys, table.entryValues)
        let kept = rankedPositions(values.map(count), limit: limit ?? top) { keyOrder(keys[$0], keys[$1]) }
        return makeTable(kept.count, more: keys.count - kept.count, limit: limit) { row(keys[kept[$0]], values[kept[$0]]) }
    }

    func ranked<Table: RankedEntries, Row>(_ table: Table, limit: Int? = nil, count: (Table.Value) -> Int,
                                           row: @escaping (Table.Key, Table.Value) -> Row) -> Report.Table<Row>
        where Table.Key: Comparable {
        ranked(table, limit: limit, count: count, keyOrder: <, row: row)
    }

    /// A ranked table of (key, value) pairs.
    func ranked<Key: Comparable, Value, Row>(_ entries: [(Key, Value)], limit: Int? = nil, count: (Value) -> Int,
                                             row: @escaping (Key, Value) -> Row) -> Report.Table<Row> {
        let kept = rankedPositions(entries.map { count($0.1) }, limit: limit ?? top) { entries[$0].0 < entries[$1].0 }
        return makeTable(kept.count, more: entries.count - kept.count, limit: limit) { row(entries[kept[$0]].0, entries[kept[$0]].1) }
    }

    /// The kept rows, stored, or made on demand when the table is unlimited, large and streamed.
    private func makeTable<Row>(_ count: Int, more: Int, limit: Int?, row: @escaping (Int) -> Row) -> Report.Table<Row> {
        if streamsRows && count >= ReportBuilder.lazyRowsFrom {
            return Report.Table(rows: [], more: more, lazyRows: LazyRows(count: count, make: row))
        }
        return Report.Table(rows: (0..<count).map(row), more: more)
    }
}
