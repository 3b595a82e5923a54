import Foundation
import Hummingbird

/// `next.always`: a small page standing in for the Xumm sign page / QR.
struct SignPageRoute {
    let engine: SimulatorEngine

    func register(on router: Router<BasicRequestContext>) {
        router.get("sign/:uuid") { _, context in
            let uuid = context.parameters.get("uuid") ?? ""
            guard let p = await engine.record(uuid) else { return Reply.text("No such sign request", status: .notFound) }
            let html = """
            <!doctype html><html><head><meta charset="utf-8"><title>Sign request \(uuid)</title></head>
            <body style="font-family:sans-serif;max-width:40em;margin:2em auto">
            <h1>\(Self.escape(engine.appName))</h1>
            <p>Sign request <code>\(uuid)</code>: <b>\(p.txType)</b></p>
            <p>\(Self.escape(p.request.customMeta?.instruction ?? ""))</p>
            <p>State: <b>\(p.state)</b></p>
            <p><small>Xumm platform simulator. Open this request in the (simulated) wallet with
            <code>POST /_sim/payloads/\(uuid)/sign</code>.</small></p>
            </body></html>
            """
            return Reply.text(html, contentType: "text/html; charset=utf-8")
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
