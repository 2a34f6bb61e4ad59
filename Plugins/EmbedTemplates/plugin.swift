/// Build-tool plugin: compiles every `templates/*.mustache` of the package into a Swift source of the target
/// it is applied to (`EmbeddedTemplates.all`), so the templates travel inside the binary.
///
/// The tool lists the folder itself when it runs, and the folder is an input of the command: an edited,
/// added or removed template is embedded by the next `swift build`, without touching `Package.swift`
/// (a plugin that passed the file list would see new files only once the package graph is reloaded).
/// `TemplateTests` compares the folder with the embedded copies file by file.
import Foundation
import PackagePlugin

@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        let templates = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding templates/*.mustache",
            executable: try context.tool(named: "TemplateEmbedder").url,
            arguments: [output.path(percentEncoded: false), folder.path(percentEncoded: false)],
            inputFiles: templates + [folder],
            outputFiles: [output])]
    }
}
