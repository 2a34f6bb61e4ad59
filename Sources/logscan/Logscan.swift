import ArgumentParser

struct Logscan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "logscan",
        abstract: "Who attacked this server, from where, against which accounts: a fast log analyzer for sshd, postfix and dovecot.",
        discussion: """
            Reads rotated and gzipped auth and mail logs (auth.log, auth.log.1, auth.log.2.gz, secure-20261120.gz, mail.log*, maillog*, …) or the systemd journal, counts failed authentication attempts (SSH, SMTP AUTH, IMAP/POP3) per IP and per user, successful logins, probes, policy rejects, mail traffic and unmatched lines, and prints a report. An address that failed and then logged in is flagged at the top as a possible compromise.

            Examples:
              logscan --since 24h               system auth and mail logs, last 24 hours
                                                (the journal when /var/log has none)
              logscan --journal --since 24h     the journal, even when /var/log has logs
              logscan --journal-file 'c/*.journal'   journal files copied off a host
              logscan --range yesterday         yesterday, midnight to midnight
              logscan /var/log/auth.log*        every line of these files
              logscan --since 2026-11-20 --until '2026-11-21 12:00' logs/
              zcat old/auth.log.*.gz | logscan -
              logscan --format json --top 0 > report.json
              logscan events --since 1h | jq -c 'select(.failure)'
              logscan --range yesterday --format email --mailto root | sendmail -t
              logscan ban --since 1h            print firewall ban commands (only prints)

            Default range: everything when paths are given; the last 24h when logscan reads the system's own logs.

            Standard input is read only when named with -; without paths logscan reads the system's logs (or the journal).

            Journal: --journal reads the system journal, --journal-file FILE (globs, repeatable) and --journal-dir DIR read copied journal files; without paths the journal is read when /var/log has no auth or mail logs. --journal-match FIELD=VALUE also reads a daemon run under another unit or name (e.g. _SYSTEMD_UNIT=sshd-jail.service). logscan runs journalctl -o export with --since/--until and matches for the services (every SYSLOG_IDENTIFIER a parser claims, the parsers' program names as _COMM, and ssh.service, sshd.service, postfix@-.service, postfix.service, dovecot.service). Reading the whole system journal needs root or the systemd-journal (or adm) group.

            Exit status: 0 success; 1 usage error; 2 some input was missing, unreadable or damaged (the report is still printed from everything that could be read); 3 a --fail-on condition was met (an alert, or an address with N failed attempts), which wins over 2.
            """,
        version: Logscan.version,
        subcommands: [ReportCommand.self, EventsCommand.self, BanCommand.self],
        defaultSubcommand: ReportCommand.self
    )
}
