import LogscanCore

/// The two bodies of the email. `html` is the seam for the HTML renderer: until LogscanRender has one,
/// it is the text report in an escaped `<pre>`; replace its body with the HTML renderer's call.
public enum EmailBodies {
    /// The text report, without colour.
    public static func plain(_ report: Report, zone: Zone) -> String {
        TextRenderer(zone: zone, style: TextStyle(enabled: false)).render(report)
    }

    /// A minimal HTML document. (Seam: swap for the HTML renderer at merge.)
    public static func html(_ report: Report, zone: Zone) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>logscan report</title></head>
        <body><pre style="font-family: monospace; font-size: 13px">\(HTMLEscaping.escape(plain(report, zone: zone)))</pre></body>
        </html>

        """
    }
}
