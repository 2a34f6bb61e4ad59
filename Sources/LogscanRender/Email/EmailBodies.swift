import LogscanCore

/// The two bodies of the email: the text report without colour, and the email-safe HTML report, both
/// with the command line's detail level, width and templates.
public enum EmailBodies {
    public static func plain(_ report: Report, look: RenderOptions) -> String {
        var options = look
        options.color = false
        return TextRenderer(options: options).render(report)
    }

    public static func html(_ report: Report, look: RenderOptions) -> String {
        HTMLRenderer(options: look).render(report)
    }
}
