import Testing
@testable import XRPLTx

struct TemplateFillTests {
    let template = """
    {
      "TransactionType": "Payment",
      "Destination": "<DESTINATION ADDRESS>",
      "Amount": "<AMOUNT IN DROPS>"
    }
    """

    @Test func fillsPlaceholdersKeepingOrderAndTypes() throws {
        let out = try TemplateFill.apply(["Destination=rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY", "Amount=1000000", "DestinationTag=42"], to: template)
        #expect(out == """
        {
          "TransactionType": "Payment",
          "Destination": "rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY",
          "Amount": "1000000",
          "DestinationTag": 42
        }
        """)
        #expect(TxValidator.validate(txjsonText: out).filter { $0.severity == .error }.isEmpty)
    }

    @Test func dottedPathsAndRawJSON() throws {
        let out = try TemplateFill.apply([#"Amount={"currency":"USD","issuer":"rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY","value":"1"}"#, "Amount.value=2"], to: template)
        #expect(out.contains(#""value": "2""#))
        #expect(throws: TemplateFill.FillError.malformedAssignment("nothing")) { try TemplateFill.apply(["nothing"], to: template) }
        #expect(throws: TemplateFill.FillError.notAnObject(path: "Destination")) { try TemplateFill.apply(["Destination.x=1"], to: template) }
        #expect(throws: (any Error).self) { try TemplateFill.apply(["Amount={bad"], to: template) }
    }
}
