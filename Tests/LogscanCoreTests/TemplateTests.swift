import Foundation
@testable import LogscanRender
import Testing

/// The templates compiled into the binary are the ones in `templates/`, HTML templates never bypass
/// escaping, and a broken template is reported with its file and line.
@Suite struct TemplateTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    static func folderTemplates() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        var sources: [String: String] = [:]
        for name in names {
            sources[String(name.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return sources
    }

    @Test func embeddedCopiesMatchTheFolderFileByFile() throws {
        let folder = try Self.folderTemplates()
        #expect(!folder.isEmpty)
        #expect(Set(ReportTemplates.embeddedSources.keys) == Set(folder.keys),
                "templates/ and the embedded copies list different files: rebuild")
        for (name, text) in folder {
            #expect(ReportTemplates.embeddedSources[name] == text, "templates/\(name).mustache differs from its embedded copy")
        }
    }

    @Test func htmlTemplatesNeverBypassEscaping() throws {
        let html = try Self.folderTemplates().filter { $0.key.hasPrefix("html") }
        #expect(html.count >= 2)
        for (name, text) in html {
            #expect(!text.contains("{{{"), "\(name).mustache uses {{{ }}}")
            #expect(!text.contains("{{&"), "\(name).mustache uses {{& }}")
            #expect(!text.contains("{{ &") && !text.contains("{{ {"), "\(name).mustache bypasses escaping")
            #expect(!text.contains("CONTENT_TYPE"), "\(name).mustache changes the content type")
        }
    }

    @Test func everyEmbeddedTemplateParses() {
        _ = ReportTemplates.embedded
    }

    @Test func aBrokenOverrideNamesItsFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "<p>\n{{#services}}\n<b>{{name}}</b>\n{{/service}}\n".write(to: dir.appendingPathComponent("html.mustache"),
                                                                          atomically: true, encoding: .utf8)
        do {
            _ = try ReportTemplates.overridden(by: dir.path)
            Issue.record("a section closed with the wrong name parsed")
        } catch let error as TemplateError {
            #expect(error.file.hasSuffix("/html.mustache"))
            #expect(error.line == 4)
            #expect(error.description.contains("html.mustache:4:"))
        }
    }
}

@Suite struct ChartTests {
    @Test func sparklineSpansTheLevels() {
        #expect(Charts.sparkline([0, 1, 4, 8], ascii: false) == "▁▂▅█")
        #expect(Charts.sparkline([0, 1, 4, 8], ascii: true) == "_.=#")
        #expect(Charts.sparkline([0, 0], ascii: false) == "▁▁")
    }

    @Test func barsScaleAndNeverVanish() {
        #expect(Charts.bar(8, of: 8, width: 8, ascii: false) == "████████")
        #expect(Charts.bar(4, of: 8, width: 8, ascii: true) == "####")
        #expect(Charts.bar(1, of: 1000, width: 8, ascii: false) == "▏")
        #expect(Charts.bar(0, of: 8, width: 8, ascii: false) == "")
    }

    @Test func rebucketSumsNeighbours() {
        let (counts, factor) = Charts.rebucket(Array(1...10), limit: 4)
        #expect(factor == 3)
        #expect(counts == [6, 15, 24, 10])
    }

    @Test func localeDecidesUTF8() {
        #expect(RenderOptions.localeIsUTF8(["LANG": "en_US.UTF-8"]))
        #expect(RenderOptions.localeIsUTF8(["LC_ALL": "C.utf8", "LANG": "C"]))
        #expect(!RenderOptions.localeIsUTF8(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
        #expect(!RenderOptions.localeIsUTF8([:]))
    }
}
