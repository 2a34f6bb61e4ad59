@testable import LogscanRender
import Testing

/// Every template escapes `{{ }}` by Unicode scalar: a `<`, `>`, `&`, `"` or `'` that a combining mark follows
/// (one `Character`, which swift-mustache's own escaping left as it was) is escaped too, in the embedded
/// templates and in one from `--template-dir`; other text is escaped as before.
@Suite struct ScalarHTMLEscapingTests {
    static let marked = "<\u{301}script>&\u{301}amp;\"\u{301}'\u{301}>\u{301}"
    static let expected = "&lt;\u{301}script&gt;&amp;\u{301}amp;&quot;\u{301}&#39;\u{301}&gt;\u{301}"

    @Test func aMarkedSpecialCharacterIsEscapedInTheEmbeddedRow() {
        let draw = ReportTemplates.embedded.partial("html-row", indent: "")
        let row = HTMLRow(cells: [HTMLCell(text: ScalarHTMLEscapingTests.marked, right: false, mono: true, wrap: true,
                                           bar: nil)])
        let drawn = draw(row)
        #expect(drawn.contains(ScalarHTMLEscapingTests.expected), "\(drawn)")
        #expect(!drawn.unicodeScalars.contains("'"))
    }

    @Test func aReplacedTemplateEscapesTheSameWay() throws {
        var sources = ReportTemplates.embeddedSources.mapValues { (text: $0, file: "(embedded)") }
        sources["probe"] = (text: "{{#cells}}{{text}}{{/cells}}", file: "custom/probe.mustache")
        let templates = try ReportTemplates(sources: sources)
        let drawn = templates.render(HTMLRow(cells: [HTMLCell(text: ScalarHTMLEscapingTests.marked, right: false,
                                                              mono: false, wrap: false, bar: nil)]), template: "probe")
        #expect(drawn == ScalarHTMLEscapingTests.expected)
    }

    @Test func plainTextIsEscapedAsBefore() {
        let escaping = ScalarHTMLEscaping()
        #expect(escaping.escapeText("a < b > c & \"d\" 'e' caf\u{e9} \u{1F600}") ==
                "a &lt; b &gt; c &amp; &quot;d&quot; &#39;e&#39; caf\u{e9} \u{1F600}")
        #expect(escaping.escapeText("") == "")
    }
}
