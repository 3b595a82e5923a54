// pushdesk-bench: the figures the issues name. Run in release:
//   swift run -c release pushdesk-bench [tx|console|all]
let which = CommandLine.arguments.dropFirst().first ?? "all"
switch which {
case "tx": TxBench.run()
case "console": ConsoleBench.run()
case "all": TxBench.run(); ConsoleBench.run()
default:
    print("usage: pushdesk-bench [tx|console|all]")
}
