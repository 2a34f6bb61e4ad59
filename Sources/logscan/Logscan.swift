import ArgumentParser

struct Logscan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "logscan",
        abstract: "Who attacked this server, from where, against which accounts: a fast log analyzer for sshd, postfix and dovecot.",
        discussion: """
            Reads rotated and gzipped auth and mail logs (auth.log, auth.log.1, auth.log.2.gz, secure-20261120.gz, mail.log*, maillog*, …), counts failed authentication attempts (SSH, SMTP AUTH, IMAP/POP3) per IP and per user, successful logins, probes, policy rejects, mail traffic and unmatched lines, and prints a report. An address that failed and then logged in is flagged at the top as a possible compromise.

            Examples:
              logscan --since 24h               system auth and mail logs, last 24 hours
              logscan --range yesterday         yesterday, midnight to midnight
              logscan /var/log/auth.log*        every line of these files
              logscan --since 2026-11-20 --until '2026-11-21 12:00' logs/
              zcat old/auth.log.*.gz | logscan -
              logscan --format json --top 0 > report.json
              logscan events --since 1h | jq -c 'select(.failure)'
              logscan --range yesterday --format email --mailto root | sendmail -t
              logscan ban --since 1h            print firewall ban commands (only prints)

            Main options (all of them: logscan help report):
              --since/--until TIME   90m, 24h, 7d, 2w, today, yesterday,
                                     2026-11-20, 2026-11-20T10:00, RFC 3339
              --range NAME           today, yesterday or all
              --format text|json|email   --top N   --utc   --quiet
              --mailto ADDRESSES     --quiet-if-empty (for cron)

            Default range: everything when paths are given; the last 24h when logscan reads the system's own logs.

            Exit status: 0 success; 1 usage error; 2 some input was missing, unreadable or damaged (the report is still printed from everything that could be read).
            """,
        version: Logscan.version,
        subcommands: [ReportCommand.self, EventsCommand.self, BanCommand.self],
        defaultSubcommand: ReportCommand.self
    )
}
