/// Escrow and Check rules (XRPL-TXJSON.md §2).
extension ValidationContext {
    mutating func checkEscrowCreate(_ r: FieldReader) {
        let type = "EscrowCreate"
        if let a = r.requireField("Amount", &self, type: type) { checkAmount(a, path: r.path("Amount")) }
        _ = r.requireField("Destination", &self, type: type)
        let cancelAfter = r.uint32("CancelAfter")
        let finishAfter = r.uint32("FinishAfter")
        if !r.has("CancelAfter") && !r.has("FinishAfter") {
            error(r.path("FinishAfter"), "EscrowCreate needs CancelAfter or FinishAfter", anchor: r.path)
        }
        if !r.has("Condition") && !r.has("FinishAfter") {
            error(r.path("Condition"), "EscrowCreate needs Condition or FinishAfter", anchor: r.path)
        }
        if let cancelAfter, let finishAfter, finishAfter >= cancelAfter {
            error(r.path("FinishAfter"), "FinishAfter must be before CancelAfter")
        }
        if let c = r["Condition"] { checkBlob(c, path: r.path("Condition")) }
    }

    mutating func checkEscrowFinish(_ r: FieldReader) {
        checkEscrowOwnerSequence(r, type: "EscrowFinish")
        let condition = r["Condition"]
        let fulfillment = r["Fulfillment"]
        if let condition { checkBlob(condition, path: r.path("Condition")) }
        if let fulfillment { checkBlob(fulfillment, path: r.path("Fulfillment")) }
        if (condition == nil) != (fulfillment == nil) {
            let missing = condition == nil ? "Condition" : "Fulfillment"
            error(r.path(missing), "Condition and Fulfillment must be given together", anchor: r.path(condition == nil ? "Fulfillment" : "Condition"))
        }
        if let ids = r["CredentialIDs"] { checkCredentialIDs(ids, path: r.path("CredentialIDs")) }
    }

    mutating func checkEscrowCancel(_ r: FieldReader) {
        checkEscrowOwnerSequence(r, type: "EscrowCancel")
    }

    private mutating func checkEscrowOwnerSequence(_ r: FieldReader, type: String) {
        _ = r.requireField("Owner", &self, type: type)
        _ = r.requireField("OfferSequence", &self, type: type)
    }

    mutating func checkCheckCreate(_ r: FieldReader) {
        let type = "CheckCreate"
        if let d = r.requireField("Destination", &self, type: type), case .string(let dest) = d, dest == r.string("Account") {
            error(r.path("Destination"), "a check cannot be written to the sending account itself")
        }
        if let s = r.requireField("SendMax", &self, type: type) {
            checkAmount(s, path: r.path("SendMax"), rules: .xrpOrIssued)
        }
    }

    mutating func checkCheckCash(_ r: FieldReader) {
        _ = r.requireField("CheckID", &self, type: "CheckCash")
        let amount = r["Amount"]
        let deliverMin = r["DeliverMin"]
        switch (amount, deliverMin) {
        case (nil, nil):
            error(r.path("Amount"), "CheckCash must have either Amount or DeliverMin", anchor: r.path)
        case (.some, .some):
            error(r.path("DeliverMin"), "CheckCash cannot have both Amount and DeliverMin")
        default:
            if let amount { checkAmount(amount, path: r.path("Amount"), rules: .xrpOrIssued) }
            if let deliverMin { checkAmount(deliverMin, path: r.path("DeliverMin"), rules: .xrpOrIssued) }
        }
    }

    mutating func checkCheckCancel(_ r: FieldReader) {
        _ = r.requireField("CheckID", &self, type: "CheckCancel")
    }
}
