/// A ready-made txjson from `assets/templates/`, with a title and a one-line purpose.
public struct TxTemplate: Sendable, Equatable {
    /// File stem, e.g. "SignIn", "Payment-XRP", "TrustSet".
    public var name: String
    /// Short title, e.g. "Sign in".
    public var title: String
    /// One line saying what the template is for.
    public var purpose: String
    /// The txjson object pretty-printed with 2-space indent, key order as in the file.
    public var txjsonText: String

    public init(name: String, title: String, purpose: String, txjsonText: String) {
        self.name = name
        self.title = title
        self.purpose = purpose
        self.txjsonText = txjsonText
    }
}
