import Foundation
import XummPlatform

/// What the operator asked to push: the same shape for the console and `pushdesk push`.
public struct PushRequestSpec: Sendable, Equatable {
    public var txjsonText: String
    /// `nil` for a payload without a user (QR / deep link only).
    public var userToken: String?
    public var userName: String?
    public var expireMinutes: Int?
    public var instruction: String?

    public init(txjsonText: String, userToken: String?, userName: String? = nil, expireMinutes: Int? = nil, instruction: String? = nil) {
        self.txjsonText = txjsonText; self.userToken = userToken; self.userName = userName
        self.expireMinutes = expireMinutes; self.instruction = instruction
    }
}

/// Why a push was refused before anything was sent.
public enum PushRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidTransaction([String])
    case invalidOption(String)
    public var description: String {
        switch self {
        case .invalidTransaction(let lines): return "txjson is invalid:\n" + lines.joined(separator: "\n")
        case .invalidOption(let s): return s
        }
    }

    /// Any push-path error as the operator reads it (the platform's code and reference included; never the secret).
    public static func operatorMessage(for error: Error) -> String {
        if let e = error as? XummError { return e.description }
        if let e = error as? PushRefusal { return e.description }
        return "\(error)"
    }
}
