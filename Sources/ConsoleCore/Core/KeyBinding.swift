/// One entry of the keymap: keys, what they do, where, and the hint text shown for them.
public struct KeyBinding: Sendable, Equatable {
    /// Where a binding applies.
    public enum Scope: Sendable, Equatable { case global, pane(Pane) }
    public var keys: [Key]
    /// Label in the footer/help, e.g. `j/k`.
    public var label: String
    /// Short description, in the footer and in help.
    public var help: String
    /// A longer description for the help overlay only (`nil`: `help`).
    public var about: String?
    public var scope: Scope
    public var action: Action
    /// Hidden (and inactive) with `--read-only`.
    public var mutates: Bool
    /// Shown in the footer (everything is shown in help).
    public var inFooter: Bool

    public init(_ keys: [Key], _ label: String, _ help: String, _ scope: Scope, _ action: Action, mutates: Bool = false, inFooter: Bool = true,
                about: String? = nil) {
        self.keys = keys; self.label = label; self.help = help; self.scope = scope; self.action = action
        self.mutates = mutates; self.inFooter = inFooter; self.about = about
    }
}
