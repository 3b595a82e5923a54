/// Validates XRPL txjson and Xumm payload bodies, returning findings anchored in the text.
public enum TxValidator {
    /// Validates a txjson object given as text (parse errors come back as a single error finding with line/column).
    public static func validate(txjsonText: String) -> [Finding] {
        let document: JSONDocument
        do { document = try JSONDocument(parsing: txjsonText) } catch { return [ValidationContext.parseFinding(error)] }
        return validate(txjson: document)
    }

    /// Validates a full payload body text {"txjson":{...}, "options":{...}, "custom_meta":{...}} (also accepts txblob).
    public static func validate(payloadText: String) -> [Finding] {
        let document: JSONDocument
        do { document = try JSONDocument(parsing: payloadText) } catch { return [ValidationContext.parseFinding(error)] }
        return validate(payload: document)
    }

    /// Validates a parsed txjson document.
    public static func validate(txjson document: JSONDocument) -> [Finding] {
        var ctx = ValidationContext(document: document)
        ctx.checkTransaction(document.root, path: "")
        return ctx.findings
    }

    /// Validates a parsed payload document.
    public static func validate(payload document: JSONDocument) -> [Finding] {
        var ctx = ValidationContext(document: document)
        ctx.checkPayload(document.root)
        return ctx.findings
    }

    /// True when the document looks like a payload body (a top-level `txjson` or `txblob` key).
    public static func isPayload(_ document: JSONDocument) -> Bool {
        document.root["txjson"] != nil || document.root["txblob"] != nil
    }
}
