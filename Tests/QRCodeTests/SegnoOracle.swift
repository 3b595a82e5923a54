import Foundation
import QRCode

/// One long-lived `segno_oracle.py` process: a request per line on its stdin, a matrix per line back.
final class SegnoOracle {
    struct Answer: Decodable {
        let version: Int?
        let error: String?
        let mode: String?
        let mask: Int?
        let matrix: String?
        let failure: String?
    }

    struct Greeting: Decodable {
        let segno: String
        let padding_fix: Bool
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    let greeting: Greeting

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("segno_oracle.py").path

    init(python: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-u", Self.script]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        buffer.reserveCapacity(1 << 16)
        greeting = try JSONDecoder().decode(Greeting.self, from: Self.readLine(output.fileHandleForReading, &buffer))
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// segno's symbol for `text`; `mask` nil lets segno choose.
    func encode(_ text: String, level: QRErrorCorrection, version: Int, mode: QRMode, mask: Int?) throws -> Answer {
        var request: [String: Any] = ["text": text, "error": level.rawValue, "version": version, "mode": mode.rawValue]
        request["mask"] = mask ?? NSNull()
        var line = try JSONSerialization.data(withJSONObject: request)
        line.append(0x0A)
        input.fileHandleForWriting.write(line)
        return try JSONDecoder().decode(Answer.self, from: Self.readLine(output.fileHandleForReading, &buffer))
    }

    private static func readLine(_ handle: FileHandle, _ buffer: inout Data) throws -> Data {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<nl]
                buffer.removeSubrange(buffer.startIndex...nl)
                return Data(line)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { throw OracleError.closed }
            buffer.append(chunk)
        }
    }

    enum OracleError: Error { case closed }
}
