@testable import LogscanRender
import Testing

/// `HTMLRowWriter` writes a streamed table's rows as the embedded `html-row` template draws them: the same
/// bytes for every mix of a cell's fields, hostile texts and indentations, and no answer (Mustache draws the
/// row) for a text that is not printable ASCII or when `--template-dir` replaces the template.
@Suite struct HTMLRowWriterTests {
    static let texts = ["", "203.0.113.10", "root", "1,234", "<script>alert('x')</script>", "a & b \"q\" 'r'",
                        "from 1.2.3.4", "  two  spaces ", "{{text}}", "&amp;", "~`!@#$%^*()_+-=[]{}|;:,./?"]

    static func randomRow(_ generator: inout SystemRandomNumberGenerator) -> HTMLRow {
        let cells = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            HTMLCell(text: texts.randomElement(using: &generator)!, right: Bool.random(using: &generator),
                     mono: Bool.random(using: &generator), wrap: Bool.random(using: &generator),
                     bar: Bool.random(using: &generator) ? HTMLBar(percent: Int.random(in: 0...100, using: &generator)) : nil)
        }
        return HTMLRow(cells: cells)
    }

    @Test func theWriterGivesTheTemplatesBytes() {
        let templates = ReportTemplates.embedded
        #expect(templates.isEmbedded("html-row"))
        var generator = SystemRandomNumberGenerator()
        for indent in ["", "  ", "      ", "\t"] {
            let draw = templates.partial("html-row", indent: indent)
            for _ in 0..<400 {
                let row = HTMLRowWriterTests.randomRow(&generator)
                let written = HTMLRowWriter.draw(row, indent: indent)
                #expect(written == draw(row), "\(row)")
            }
        }
    }

    @Test func textsThatAreNotPlainASCIIAreLeftToMustache() {
        for text in ["line\nbreak", "tab\there", "caf\u{e9}", "<\u{301}", "\r", "\u{7f}"] {
            let row = HTMLRow(cells: [HTMLCell(text: "plain", right: false, mono: false, wrap: false, bar: nil),
                                      HTMLCell(text: text, right: true, mono: false, wrap: false, bar: nil)])
            #expect(HTMLRowWriter.draw(row, indent: "  ") == nil, "\(text.debugDescription)")
        }
    }

    @Test func aReplacedRowTemplateIsDrawnByMustache() throws {
        var sources = ReportTemplates.embeddedSources.mapValues { (text: $0, file: "(embedded)") }
        #expect(try ReportTemplates(sources: sources).isEmbedded("html-row"))
        sources["html-row"] = (text: "<tr>{{#cells}}<td>{{text}}</td>{{/cells}}</tr>\n", file: "custom/html-row.mustache")
        let replaced = try ReportTemplates(sources: sources)
        #expect(!replaced.isEmbedded("html-row"))
        #expect(replaced.isEmbedded("html"))
    }
}
