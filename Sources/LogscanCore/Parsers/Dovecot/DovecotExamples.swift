/// Lines in Dovecot's real formats (checked against dovecot/core's login-common and auth logging,
/// versions 2.2 to 2.4), with what each must produce.
extension DovecotParser {
    public var examples: [ParserExample] {
        [
            // Login processes, old wording.
            .event("Nov 27 04:50:37 mx1 dovecot[900]: imap-login: Disconnected (auth failed, 3 attempts in 12 secs): user=<info@example.org>, method=PLAIN, rip=203.0.113.9, lip=192.0.2.25, TLS, session=<b2Zx8x0Q>",
                   .loginFailed, ip: "203.0.113.9", user: "info@example.org", count: 3),
            .event("Nov 27 04:50:37 mx1 dovecot: pop3-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<admin>, method=PLAIN, rip=203.0.113.9, lip=192.0.2.25, session=<q1w2>",
                   .loginFailed, ip: "203.0.113.9", user: "admin", count: 1),
            // Login processes, 2.3.19+/2.4 wording, with log-file levels, and under their own program names.
            .event("Nov 27 04:50:37 mx1 dovecot[900]: imap-login: Login aborted: Connection closed (auth failed, 2 attempts in 15 secs) (auth_failed): user=<sales@example.org>, method=LOGIN, rip=2001:db8::9, lip=2001:db8::25, TLS, session=<x9>",
                   .loginFailed, ip: "2001:db8::9", user: "sales@example.org", count: 2),
            .event("Nov 27 04:50:37 mx1 dovecot: imap-login: Info: Disconnected: Aborted login by logging out (auth failed, 1 attempts in 15 secs): user=<a@b>, method=PLAIN, rip=203.0.113.10, lip=192.0.2.25, TLS, session=<6w>",
                   .loginFailed, ip: "203.0.113.10", user: "a@b", count: 1),
            .event("Nov 27 04:50:37 mx1 imap-login[4100]: Disconnected (auth failed, 4 attempts in 20 secs): user=<test>, method=PLAIN, rip=203.0.113.11, lip=192.0.2.25, session=<zz>",
                   .loginFailed, ip: "203.0.113.11", user: "test", count: 4),
            // The user name is the client's: a fake `rip=` inside it cannot move the address.
            .event("Nov 27 04:50:37 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<x, rip=10.0.0.1>, method=PLAIN, rip=203.0.113.12, lip=192.0.2.25, session=<aa>",
                   .loginFailed, ip: "203.0.113.12", user: "x, rip=10.0.0.1", count: 1),
            // Successes and probes.
            .event("Nov 27 08:00:00 mx1 dovecot: imap-login: Login: user=<alice@example.org>, method=PLAIN, rip=198.51.100.7, lip=192.0.2.25, mpid=4242, TLS, session=<Zm9v>",
                   .login, ip: "198.51.100.7", user: "alice@example.org"),
            .event("Nov 27 08:00:00 mx1 dovecot: managesieve-login: Login: user=<alice@example.org>, method=PLAIN, rip=198.51.100.7, lip=192.0.2.25, mpid=4243, TLS, session=<YmFy>",
                   .login, ip: "198.51.100.7", user: "alice@example.org"),
            .event("Nov 27 04:50:40 mx1 dovecot: pop3-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=203.0.113.13, lip=192.0.2.25, session=<cc>",
                   .noAuthAttempts, ip: "203.0.113.13"),
            .event("Nov 27 04:50:40 mx1 dovecot: imap-login: Login aborted: Connection closed (no auth attempts in 10 secs) (no_auth_attempts): user=<>, rip=203.0.113.14, lip=192.0.2.25, TLS, session=<dd>",
                   .noAuthAttempts, ip: "203.0.113.14"),
            // The auth process.
            .event("Nov 27 04:50:36 mx1 dovecot: auth: passwd-file(info@example.org,203.0.113.9,<b2Zx8x0Q>): unknown user",
                   .authUnknownUser, ip: "203.0.113.9", user: "info@example.org"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth: passwd-file(alice@example.org,203.0.113.9,<b2Zx8x0Q>): Password mismatch",
                   .authPasswordMismatch, ip: "203.0.113.9", user: "alice@example.org"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth-worker(24058): pam(toto,203.0.113.9,<yp>): pam_authenticate() failed: Authentication failure (password mismatch?)",
                   .authPAMFailure, ip: "203.0.113.9", user: "toto"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth-worker(14864): conn unix:auth-worker (pid=14830,uid=109): auth-worker<6>: sql(contact,203.0.113.9): unknown user (given password: hunter2)",
                   .authUnknownUser, ip: "203.0.113.9", user: "contact"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth: Info: sql(a,b,c,203.0.113.9,<s>): Password mismatch",
                   .authPasswordMismatch, ip: "203.0.113.9", user: "a,b,c"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth-worker(jose,203.0.113.40)<1489164><8oNSumM3A8mK>: request [393]: unix_user: pam_authenticate() failed: Authentication failure (Password mismatch?)",
                   .authPAMFailure, ip: "203.0.113.40", user: "jose"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth(tom@example.com,203.0.113.41,sasl:plain)<Cd5N>: passwd-file: Password mismatch",
                   .authPasswordMismatch, ip: "203.0.113.41", user: "tom@example.com"),
            .event("Nov 27 04:50:36 mx1 dovecot: auth: passwd-file(x),10.0.0.1,203.0.113.42,<s>): unknown user (given password: ,9.9.9.9): Password mismatch)",
                   .authUnknownUser, ip: "203.0.113.42", user: "x),10.0.0.1"),
            .event("Nov 27 08:00:00 mx1 dovecot: imap-login: Logged in: user=<tom@example.com>, method=PLAIN, rip=198.51.100.8, lip=192.0.2.25, mpid=15, session=<Cd5N>",
                   .login, ip: "198.51.100.8", user: "tom@example.com"),
            .event("Nov 27 04:50:36 mx1 auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot ruser=info rhost=203.0.113.9  user=info",
                   .authPAMFailure, ip: "203.0.113.9", user: "info"),
            // Deliveries and noise.
            .event("Nov 27 08:00:05 mx1 dovecot: lmtp(alice@example.org)<4444><c2Vzcw>: msgid=<abc@example.net>: saved mail to INBOX",
                   .mailDelivered),
            .event("Nov 27 08:00:05 mx1 dovecot: lda(bob): msgid=<abc@example.net>: stored mail into mailbox 'INBOX'",
                   .mailDelivered),
            .event("Nov 27 08:10:00 mx1 dovecot: imap(alice@example.org)<4242><Zm9v>: Disconnected: Logged out in=120 out=4000", .noise),
            .unmatched("Nov 27 08:10:00 mx1 dovecot: imap-login: Something new (no fields here)"),
            .unmatched("Nov 27 08:10:00 mx1 dovecot: auth: something dovecot 3 might say"),
        ]
    }
}
