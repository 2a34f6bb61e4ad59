import LogscanCore

/// Turns the counted attempts into a `BanPlan`: the addresses whose window qualified on some selected
/// service, less the protected ones (loopback, this host, the allowlist, host names, addresses that logged
/// in), grouped into prefixes where the policy says so and no protected address would fall inside.
public struct BanPlanner {
    public var policy: BanPolicy
    public var allowList: AllowList
    /// User names listed per offender.
    public var usersShown = 5

    public init(policy: BanPolicy, allowList: AllowList) {
        self.policy = policy
        self.allowList = allowList
    }

    public func plan(_ tally: BanTally, run: ScanRun) -> BanPlan {
        let tallies = tally.aggregate.services
        let logins = loginCounts(tallies)
        var plan = BanPlan(range: BanPlan.Range(since: run.range.since, until: run.range.until),
                           covered: BanPlan.Range(since: tally.aggregate.firstTime, until: tally.aggregate.lastTime),
                           policy: summary)
        var bannable: [(IPAddress, BanPlan.Offender)] = []
        for peer in qualifiedPeers(tally) {
            let offender = self.offender(peer, tally: tally, logins: logins[peer] ?? 0)
            if let skip = skip(peer, offender) {
                plan.notBanned.append(skip)
            } else if let ip = peer.ip {
                bannable.append((ip, offender))
            }
        }
        plan.bans = group(bannable, loggedIn: Set(logins.keys.compactMap(\.ip)))
        for ban in plan.bans {
            if let kind = ban.reserved {
                plan.warnings.append("\(ban.target) is in a \(kind) range: it is banned anyway; make sure it is not yours")
            }
        }
        plan.notBanned.sort { ($0.reason.rawValue, $0.offender.address) < ($1.reason.rawValue, $1.offender.address) }
        return plan
    }

    var summary: BanPlan.PolicySummary {
        BanPlan.PolicySummary(
            threshold: policy.threshold, windowSeconds: policy.windowSeconds, services: policy.services.sorted(),
            includeProbes: policy.includeProbes, probeWeight: BanPolicy.probeWeight, includeRejects: policy.includeRejects,
            banLoggedIn: policy.banLoggedIn, v4Prefix: policy.v4Prefix, prefixMinimum: policy.prefixMinimum,
            v6Prefix: policy.v6Prefix, expireSeconds: policy.expireSeconds,
            allow: allowList.entries.map { "\($0.block.withLength) (\($0.origin))" })
    }

    /// Peers whose window qualified on at least one selected service, in a stable order.
    func qualifiedPeers(_ tally: BanTally) -> [PeerKey] {
        var peers = Set<PeerKey>()
        for service in policy.services {
            peers.formUnion(tally.qualified(on: service))
        }
        return peers.sorted()
    }

    /// Successful logins per address, over every service (whatever `--services` says: a colleague who reads
    /// mail from an address must not lose SSH from it either).
    func loginCounts(_ tallies: [Service: ServiceTally]) -> [PeerKey: Int] {
        var counts: [PeerKey: Int] = [:]
        for tally in tallies.values {
            for (login, span) in tally.logins {
                if let peer = login.peer { counts[peer, default: 0] += span.count }
            }
        }
        return counts
    }

    func offender(_ peer: PeerKey, tally: BanTally, logins: Int) -> BanPlan.Offender {
        var services: [BanPlan.ServiceAttempts] = []
        var first: Instant?, last: Instant?
        var attempts = 0
        var users: [ByteString: Int] = [:]
        for service in policy.services.sorted() {
            guard let counted = tally.attempts(of: peer, on: service) else { continue }
            services.append(BanPlan.ServiceAttempts(service: service, attempts: counted.count,
                                                    qualified: counted.window.qualified, atCeiling: counted.atCeiling ? true : nil))
            attempts = attempts.addingSaturated(counted.count)
            first = [first, counted.first].compactMap { $0 }.min()
            last = [last, counted.last].compactMap { $0 }.max()
            for (user, count) in counted.users.entries { users[user, default: 0] +|= count }
        }
        let ranked = users.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return BanPlan.Offender(address: peer.description, attempts: attempts, services: services,
                                users: ranked.prefix(usersShown).map { CommentText.name($0.key) },
                                moreUsers: max(0, ranked.count - usersShown), first: first, last: last,
                                logins: logins, atCeiling: services.contains { $0.atCeiling == true } ? true : nil)
    }

    /// Why a qualified peer is not banned, or nil when it is.
    func skip(_ peer: PeerKey, _ offender: BanPlan.Offender) -> BanPlan.Skip? {
        func because(_ reason: BanPlan.Skip.Reason, _ detail: String) -> BanPlan.Skip {
            BanPlan.Skip(reason: reason, detail: detail, offender: offender)
        }
        guard let ip = peer.ip else {
            var skipped = because(.hostname, "a host name, not an address (UseDNS or PAM rhost): logscan never resolves names, so it bans none")
            skipped.offender.address = CommentText.truncated(CommentText.clean(peer.description))
            return skipped
        }
        let block = CIDR(ip, length: 128)
        if AddressClass.isLoopback(block) { return because(.loopback, "loopback: never banned") }
        if let entry = allowList.entry(overlapping: block) {
            if entry.origin == "this host" { return because(.thisHost, "an address of this host: never banned") }
            return because(.allowlisted, "allowlisted by \(entry.origin) (\(entry.block))")
        }
        if offender.logins > 0 && !policy.banLoggedIn {
            return because(.loggedIn, "logged in after \(offender.attemptsText) failures: review (--ban-logged-in bans it)")
        }
        return nil
    }

    /// Single addresses, or prefixes where the policy groups them and no protected address is inside.
    func group(_ offenders: [(IPAddress, BanPlan.Offender)], loggedIn: Set<IPAddress>) -> [BanPlan.Ban] {
        var byBlock: [CIDR: [(IPAddress, BanPlan.Offender)]] = [:]
        for (ip, offender) in offenders {
            byBlock[CIDR(ip, length: ip.isIPv4 ? policy.v4Prefix : policy.v6Prefix), default: []].append((ip, offender))
        }
        var bans: [(CIDR, BanPlan.Ban)] = []
        for (block, members) in byBlock {
            let minimum = block.isIPv4 ? policy.prefixMinimum : 1
            let inside = Set(members.map(\.0))
            let protected = allowList.entry(overlapping: block) != nil || AddressClass.isLoopback(block)
                || loggedIn.contains { block.contains($0) && !inside.contains($0) }
            if block.isSingleAddress || (members.count >= minimum && !protected) {
                bans.append((block, ban(block, members.map(\.1))))
            } else {
                bans += members.map { (CIDR($0.0, length: 128), ban(CIDR($0.0, length: 128), [$0.1])) }
            }
        }
        return bans.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func ban(_ block: CIDR, _ offenders: [BanPlan.Offender]) -> BanPlan.Ban {
        BanPlan.Ban(target: block.withLength, family: block.isIPv4 ? "ipv4" : "ipv6", prefixLength: block.length,
                    reserved: AddressClass.reservedKind(block), offenders: offenders)
    }
}
