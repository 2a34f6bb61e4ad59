import ArgumentParser

struct Logscan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "logscan",
        abstract: "Who attacked this server, from where, against which accounts: a fast log analyzer for sshd, postfix and dovecot.",
        discussion: """
            Reads rotated and gzipped auth and mail logs (auth.log, auth.log.1, auth.log.2.gz, secure-20261120.gz, mail.log*, maillog* and more), counts failed authentication attempts (SSH, SMTP AUTH, IMAP/POP3) per IP and per user, successful logins, probes, policy rejects, mail traffic and unmatched lines, and prints a report. An address that failed and then logged in is flagged at the top as a possible compromise.

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

            Default range: everything when paths are given; the last 24h when logscan reads the system's own logs.

            Standard input is read only when named with -; without paths logscan reads the system's logs.

            Exit status: 0 success; 1 usage error; 2 some input was missing, unreadable or damaged (the report is still printed from everything that could be read); 3 a --fail-on condition was met (an alert, or an address with N failed attempts), which wins over 2.
            """,
        version: Logscan.version,
        subcommands: [ReportCommand.self, EventsCommand.self, BanCommand.self],
        defaultSubcommand: ReportCommand.self
    )
}
