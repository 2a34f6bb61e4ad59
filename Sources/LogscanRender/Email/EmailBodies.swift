import LogscanCore

/// The two bodies of the email: the text report without colour, and the email-safe HTML report, both
/// with the command line's detail level, width and templates. Each is written into the message's encoder
/// as it is rendered, large tables row by row.
public enum EmailBodies {
    public static func plain(_ report: Report, look: RenderOptions) -> EmailMessage.Body {
        var options = look
        options.color = false
        return { TextRenderer(options: options).write(report, to: $0) }
    }

    public static func html(_ report: Report, look: RenderOptions) -> EmailMessage.Body {
        { HTMLRenderer(options: look).write(report, to: $0) }
    }
}
