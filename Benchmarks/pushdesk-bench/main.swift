// pushdesk-bench: the figures the issues name. Run in release:
//   swift run -c release pushdesk-bench [tx|qr|console|store|postgres|loop [N] [--python PATH]|all]
let which = CommandLine.arguments.dropFirst().first ?? "all"
switch which {
case "tx": TxBench.run()
case "qr": QRBench.run()
case "console": ConsoleBench.run()
case "store": try await StoreBench.run()
case "postgres": try await PostgresBench.run()
case "loop": try await LoopBench.run(LoopBench.options(Array(CommandLine.arguments.dropFirst(2))))
case "all": TxBench.run(); QRBench.run(); ConsoleBench.run(); try await StoreBench.run()
default:
    print("usage: pushdesk-bench [tx|qr|console|store [users N] [webhooks N]|postgres [users N] [webhooks N]|loop [N] [--python PATH] [--pushdesk PATH] [--sdk-script PATH]|all]")
}
