import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately thin HTTP/1.1 sender for the ingest benchmark: one keep-alive TCP connection on a
/// blocking socket, requests written as prepared bytes, each response read whole (status line,
/// headers, `Content-Length` body) before the next request. On a 2-core machine the sender shares
/// the CPU with the inbox it measures, so it should cost as little as possible.
final class LoopbackPoster {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var pending: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { close(fd); throw BenchError("connect: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    /// The request bytes of a signed webhook delivery.
    static func request(path: String, port: Int, timestamp: String, signature: String, body: [UInt8]) -> [UInt8] {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "x-xumm-request-timestamp: \(timestamp)\r\nx-xumm-request-signature: \(signature)\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// Sends one request and returns the response's status code.
    func send(_ request: [UInt8]) throws -> Int {
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes { write(fd, $0.baseAddress! + sent, request.count - sent) }
            guard n > 0 else { throw BenchError("write: \(String(cString: strerror(errno)))") }
            sent += n
        }
        // Headers first.
        var headerEnd: Int?
        while true {
            if let end = Self.find([13, 10, 13, 10], in: pending) { headerEnd = end; break }
            try readMore()
        }
        // Parsed from the bytes (status digits, one header searched case-insensitively): building
        // strings per response showed as a few per cent of the benchmark's CPU.
        let head = pending[..<headerEnd!]
        guard head.count >= 12, head.starts(with: Array("HTTP/1.".utf8)) else { throw BenchError("bad response") }
        let status = head[9...11].reduce(0) { $0 * 10 + Int($1) - 48 }
        let length = Self.contentLength(head) ?? 0
        let total = headerEnd! + 4 + length
        while pending.count < total { try readMore() }
        pending.removeFirst(total)
        return status
    }

    private func readMore() throws {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        guard n > 0 else { throw BenchError(n == 0 ? "connection closed" : "read: \(String(cString: strerror(errno)))") }
        pending.append(contentsOf: buffer[..<n])
    }

    private static let contentLengthName = Array("\r\ncontent-length:".utf8)

    /// The `Content-Length` value in a response head, if present.
    private static func contentLength(_ head: ArraySlice<UInt8>) -> Int? {
        let name = contentLengthName
        var i = head.startIndex
        outer: while i + name.count <= head.endIndex {
            for k in 0..<name.count {
                let b = head[i + k]
                if (b >= 65 && b <= 90 ? b + 32 : b) != name[k] { i += 1; continue outer }
            }
            var j = i + name.count, value = 0, digits = 0
            while j < head.endIndex, head[j] == 32 { j += 1 }
            while j < head.endIndex, head[j] >= 48, head[j] <= 57 { value = value * 10 + Int(head[j]) - 48; j += 1; digits += 1 }
            return digits > 0 ? value : nil
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && hay[i + 1] == needle[1] && hay[i + 2] == needle[2] && hay[i + 3] == needle[3] {
            return i
        }
        return nil
    }
}
