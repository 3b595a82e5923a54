// pushdesk-bench: the figures the issues name. Run in release:
//   swift run -c release pushdesk-bench [tx|all]
let which = CommandLine.arguments.dropFirst().first ?? "all"
switch which {
case "tx": TxBench.run()
case "all": TxBench.run()
default:
    print("usage: pushdesk-bench [tx|all]")
}
