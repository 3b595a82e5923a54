import NIOHTTP1

enum HTTPHeadersShim {
    static func make(_ pairs: [(String, String)]) -> HTTPHeaders { HTTPHeaders(pairs) }
}
