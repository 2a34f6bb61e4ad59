/// Build-tool plugin: compiles every `templates/*.mustache` of the package into a Swift source of the target
/// it is applied to (`EmbeddedTemplates.all`), so the templates travel inside the binary.
///
/// SwiftPM plans build commands when the package graph is loaded: a template *added* to the folder is seen
/// only after `Package.swift` changes (edits to existing templates rebuild at once). `EmbeddedTemplatesTests`
/// compares the folder with the embedded copies and fails when they drift.
import Foundation
import PackagePlugin

@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".mustache") }.sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding \(names.count) templates from templates/",
            executable: try context.tool(named: "TemplateEmbedder").url,
            arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
