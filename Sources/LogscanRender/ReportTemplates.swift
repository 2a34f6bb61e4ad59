#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// The Mustache templates the reports are drawn with: the copies compiled into the binary from
/// `templates/`, each one replaceable by a file of the same name in `--template-dir`.
public struct ReportTemplates: Sendable {
    /// The embedded sources, by name (`html`, `text`, …), exactly as `templates/*.mustache` held them.
    public static let embeddedSources: [String: String] = EmbeddedTemplates.all

    /// The embedded templates, parsed once.
    public static let embedded: ReportTemplates = {
        do {
            return try ReportTemplates(sources: embeddedSources.mapValues { ($0, "templates/\($0).mustache") })
        } catch {
            // The test suite parses every embedded template; a broken one never ships.
            fatalError("embedded template does not parse: \(error)")
        }
    }()

    private let library: MustacheLibrary
    /// The names whose source is the embedded one, byte for byte (all of them unless `--template-dir` replaces
    /// some): what is drawn with them may be drawn without Mustache where a writer gives the same bytes.
    private let embeddedNames: Set<String>

    /// Sources by name, each with the file name that errors should point at.
    init(sources: [String: (text: String, file: String)]) throws {
        embeddedNames = Set(sources.compactMap { name, source in
            ReportTemplates.embeddedSources[name] == source.text ? name : nil
        })
        ScalarHTMLEscaping.registered
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: ScalarHTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Lines counted in the source, without the pragma's line put before it.
                throw TemplateError(file: source.file, line: error.context.lineNumber - 1,
                                    column: error.context.columnNumber, message: "\(error.error)",
                                    sourceLine: error.context.line)
            }
        }
        self.library = library
    }

    /// The embedded templates with every `*.mustache` of `directory` in place of (or beside) them.
    public static func overridden(by directory: String) throws -> ReportTemplates {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw TemplateError(file: directory, line: 0, column: 0, message: "cannot read the folder", sourceLine: "")
        }
        var sources = embeddedSources.mapValues { (text: $0, file: "(embedded)") }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TemplateError(file: path, line: 0, column: 0, message: "cannot read the file", sourceLine: "")
            }
            sources[String(name.dropLast(".mustache".count))] = (String(decoding: data, as: UTF8.self), path)
        }
        return try ReportTemplates(sources: sources)
    }

    /// True when template `name` is the one compiled in (`templates/NAME.mustache`), not a replacement.
    func isEmbedded(_ name: String) -> Bool { embeddedNames.contains(name) }

    func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// Draws values with partial `name` alone, each line starting with `indent` as where the partial
    /// stands in a template: the rows of a streamed table, one at a time.
    func partial(_ name: String, indent: String) -> (Any) -> String {
        guard let template = try? MustacheTemplate(string: indent + "{{> \(name)}}\n") else { return { _ in "" } }
        let library = library
        return { template.render($0, library: library) }
    }
}

/// A template that does not parse: `file:line:column: message`, with the offending line.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var sourceLine: String

    public var description: String {
        guard line > 0 else { return "\(file): \(message)" }
        return "\(file):\(line):\(column): template error: \(message)\n    \(sourceLine)"
    }
}
