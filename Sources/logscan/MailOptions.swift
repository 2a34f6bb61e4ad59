import ArgumentParser
import LogscanCore
import LogscanRender

/// The options of `--format email` and of cron use: recipients, sender, subject, and `--quiet-if-empty`.
struct MailOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Recipients of --format email, comma-separated: root, admin@example.org, 'Ops <ops@example.org>'. Default: root.",
        valueName: "addresses"))
    var mailto: String?

    @Option(name: .customLong("mail-from"), help: ArgumentHelp(
        "Sender of --format email. Default: logscan@<this host's fully qualified name>.", valueName: "address"))
    var mailFrom: String?

    @Option(help: ArgumentHelp(
        "Subject of --format email, instead of the summary ('[logscan] web1: ALERT 1 possible compromise; 1,234 failed logins from 56 IPs (Nov 26)').",
        valueName: "text"))
    var subject: String?

    @Flag(help: ArgumentHelp(
        "Print nothing and exit 0 when the range holds no failed attempts, no successful logins and no alerts "
            + "(any --format), so cron sends no empty mail. A partial run (exit 2) still prints its report."))
    var quietIfEmpty = false

    /// Checks the addresses and the subject; `emailFormat` tells whether they are used at all.
    func validate(emailFormat: Bool) throws {
        guard emailFormat else {
            if let given = [mailto.map { _ in "--mailto" }, mailFrom.map { _ in "--mail-from" },
                            subject.map { _ in "--subject" }].compactMap({ $0 }).first {
                throw ValidationError("\(given) is used only with --format email")
            }
            return  // no host name lookup for the other formats
        }
        _ = try recipients()
        _ = try sender()
        if let subject, subject.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ValidationError("--subject must be one line without control characters")
        }
    }

    func recipients() throws -> [MailAddress] {
        do { return try MailAddress.list(mailto ?? "root") } catch { throw ValidationError("--mailto: \(error)") }
    }

    func sender() throws -> MailAddress {
        do { return try MailAddress(parsing: mailFrom ?? "logscan@" + HostIdentity.fullyQualifiedName) }
        catch { throw ValidationError("--mail-from: \(error)") }
    }

    /// The whole message for `sendmail -t`, written to `output` as it is made.
    func write(_ report: Report, look: RenderOptions, now: Instant, to output: TextSink) throws {
        let zone = look.zone
        EmailMessage(
            from: try sender(), to: try recipients(),
            subject: subject ?? EmailSubject.make(report, host: HostIdentity.shortName, zone: zone),
            date: now, zone: zone, domain: HostIdentity.fullyQualifiedName,
            plain: EmailBodies.plain(report, look: look), html: EmailBodies.html(report, look: look)
        ).write(to: output)
    }
}
