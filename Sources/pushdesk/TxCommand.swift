import ArgumentParser
import Foundation
import XRPLTx

/// `pushdesk tx`: validate txjson and work with templates.
struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx", abstract: "Validate txjson; list and print templates.",
        subcommands: [Check.self, Templates.self, New.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a txjson object or a payload body. Exit 0 valid (warnings allowed), 1 invalid, 2 unreadable.")
        @Flag(help: "Print {\"valid\", \"errors\", \"warnings\"} as JSON.") var json = false
        @Argument(help: "File to check, or - for standard input.") var file: String

        func run() throws {
            let text: String
            do {
                if file == "-" {
                    text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                } else {
                    text = try String(contentsOfFile: file, encoding: .utf8)
                }
            } catch {
                fail("cannot read \(file): \((error as NSError).localizedDescription)", code: 2)
            }
            let report = TxCheckReport(text: text)
            let out = json ? report.jsonOutput() : report.textOutput(fileName: file == "-" ? "<stdin>" : file)
            print(out, terminator: out.hasSuffix("\n") ? "" : "\n")
            throw ExitCode(report.exitCode)
        }
    }

    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the txjson templates.")
        func run() throws {
            let templates = try loadTemplates()
            let width = templates.map(\.name.count).max() ?? 0
            for t in templates {
                print("\(t.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(t.title) — \(t.purpose)")
            }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a template's txjson.")
        @Argument(help: "Template name (see `pushdesk tx templates`).") var name: String
        func run() throws {
            let templates = try loadTemplates()
            guard let t = templates.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                fail("no template named \(name); have: \(templates.map(\.name).joined(separator: ", "))")
            }
            print(t.txjsonText)
        }
    }
}

/// The shipped templates plus `$PUSHDESK_ASSETS/templates` when present, or a clear error.
func loadTemplates() throws -> [TxTemplate] {
    let extra = TemplateLibrary.runtimeDirectory
    do { return try TemplateLibrary.library(adding: extra) }
    catch { fail("cannot load templates from \(extra?.path ?? "the binary"): \(error)") }
}
