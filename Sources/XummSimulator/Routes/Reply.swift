import Foundation
import HTTPTypes

import Hummingbird
import NIOCore
import XummPlatform

/// Building the simulator's HTTP answers.
enum Reply {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()

    /// A JSON body.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The platform's usual error shape `{"error":{"reference","code"}}` (with a `message` when useful).
    static func error(status: Int, code: Int, message: String? = nil) -> Response {
        json(PlatformErrorBody(code: code, reference: UUID().uuidString.lowercased(), message: message),
             status: HTTPResponse.Status(code: status))
    }

    /// The platform's "hard" error shape `{"error":true,"message","reference","code"}`.
    static func fatal(status: Int, message: String) -> Response {
        let body: JSONValue = .object(["error": .bool(true), "message": .string(message),
                                       "reference": .string(UUID().uuidString.lowercased()), "code": .number(Double(status))])
        return json(body, status: HTTPResponse.Status(code: status))
    }

    /// Plain text.
    static func text(_ s: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: s)))
    }

    struct SimulatedDrop: Error {}

    /// A response whose body never arrives: the server closes the connection after the head, so the
    /// client sees a dropped connection.
    static func dropped() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: ResponseBody(contentLength: 4096) { _ in throw SimulatedDrop() })
    }
}
