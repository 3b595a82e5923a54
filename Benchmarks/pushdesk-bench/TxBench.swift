import XRPLTx

/// `pushdesk-bench tx`: validation time of a typical Payment (parse + every check), in µs.
enum TxBench {
    static let payment = """
    {
      "TransactionType": "Payment",
      "Account": "rU6K7V3Po4snVhBBaU29sesqs2qTQJWDw1",
      "Destination": "rLUEXYuLiQptky37CqLcm9USQpPiz5rkpD",
      "DestinationTag": 12345,
      "Amount": {
        "currency": "USD",
        "issuer": "rJrRMgiRgrU6hDF4pgu5DXQdWyPbY35ErN",
        "value": "125.50"
      },
      "Fee": "12",
      "Flags": 2147483648,
      "Memos": [{"Memo": {"MemoType": "746578742F706C61696E", "MemoData": "496E766F6963652031323334"}}]
    }
    """

    static func run() {
        let runs = 20_000
        var sink = 0
        for _ in 0..<2_000 { sink &+= TxValidator.validate(txjsonText: payment).count }
        var stats = BenchStats()
        for _ in 0..<runs {
            stats.record(measure { sink &+= TxValidator.validate(txjsonText: payment).count })
        }
        print("tx: typical Payment validation, \(runs) runs, \(sink / (runs + 2_000)) findings each")
        print("tx: median \(BenchStats.fmt(stats.percentile(0.5))) µs, p99 \(BenchStats.fmt(stats.percentile(0.99))) µs (target median <= 50 µs)")
    }
}
