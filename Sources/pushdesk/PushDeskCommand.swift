import ArgumentParser
import Wiring

/// `pushdesk`: the operator's console for Xumm/Xaman sign requests.
@main
struct PushDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pushdesk",
        abstract: "Push XRPL sign requests to Xumm/Xaman users and watch them live.",
        version: PushDeskVersion.current,
        subcommands: [ConsoleCommand.self, PushCommand.self, NotifyCommand.self, WaitCommand.self, UsersCommand.self, PayloadsCommand.self, AuditCommand.self,
                      WebhookCommand.self, ServeCommand.self, SimulatorCommand.self, PingCommand.self, DoctorCommand.self, TxCommand.self],
        defaultSubcommand: ConsoleCommand.self)
}
