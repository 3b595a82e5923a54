import Foundation
import Testing
import ConsoleCore
@testable import Wiring
import Runtime

struct ConfigTests {
    func tempFile(_ text: String, mode: Int) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func readsTheFileThenTheEnvironmentWins() throws {
        let path = try tempFile("""
        # pushdesk
        [xumm]
        api_key = "file-key"
        api_secret = "file-secret"
        [webhook]
        port = 8123
        path = "/hooks"
        """, mode: 0o600)
        let fromFile = try PushDeskConfig.load(path: path, environment: [:])
        #expect(fromFile.apiKey == "file-key")
        #expect(fromFile.webhookPort == 8123)
        #expect(fromFile.webhookPath == "/hooks")
        let env = try PushDeskConfig.load(path: path, environment: ["XUMM_APIKEY": "env-key", "XUMM_APISECRET": "env-secret"])
        #expect(env.credentials?.apiKey == "env-key")
    }

    @Test func refusesAFileOthersCanRead() throws {
        let path = try tempFile("api_secret = \"s3cr3t\"\n", mode: 0o644)
        do {
            _ = try PushDeskConfig.load(path: path, environment: [:])
            Issue.record("loaded a world-readable secret")
        } catch let e as PushDeskConfig.LoadError {
            #expect("\(e)".contains("chmod 600"))
            #expect(!"\(e)".contains("s3cr3t"))
        }
    }

    @Test func malformedLinesNameTheLine() throws {
        let path = try tempFile("api_key = \"ok\"\nthis is not toml\n", mode: 0o600)
        #expect(throws: PushDeskConfig.LoadError.malformed(path: path, line: 2, reason: "expected key = value")) {
            try PushDeskConfig.load(path: path, environment: [:])
        }
    }

    @Test func noCredentialsMeansEmbeddedSimulator() throws {
        let c = try PushDeskConfig.load(path: "/nonexistent/config.toml", environment: ["XUMM_APIKEY": "k"])
        #expect(c.credentials == nil)
    }

    @Test func qrMatrixIsSquareAndDrawsWithHalfBlocks() throws {
        let m = try #require(QRMatrix.encode("http://127.0.0.1:1234/sign/00000000-0000-4839-af2f-f794874a80b0"))
        #expect(m.count >= 21 && m.allSatisfy { $0.count == m.count })
        // Finder pattern: top-left 7 modules dark on the first row.
        #expect(m[0][0..<7].allSatisfy { $0 })
        let lines = QRText.lines(m)
        #expect(lines.count == (m.count + 2 * QRText.quietZone + 1) / 2)
        #expect(lines.allSatisfy { $0.count == m.count + 2 * QRText.quietZone })
    }

    @Test func storeAndOperatorComeFromFlagEnvironmentOrConfig() throws {
        let path = try tempFile("""
        store = "postgres://dana:Pa55word@db.desk:5432/pushdesk?sslmode=require"
        operator = "dana@desk2"
        """, mode: 0o600)
        let config = try PushDeskConfig.load(path: path, environment: [:])
        #expect(config.operatorName == "dana@desk2")
        let fromConfig = try StoreFactory.location(flag: nil, config: config, environment: [:])
        #expect(fromConfig.description == "postgres://dana:***@db.desk:5432/pushdesk?sslmode=require")
        #expect(fromConfig.isShared)
        let fromEnv = try StoreFactory.location(flag: nil, config: config, environment: ["PUSHDESK_STORE": "/tmp/e.sqlite"])
        #expect(fromEnv == .sqlite(path: "/tmp/e.sqlite"))
        #expect(try StoreFactory.location(flag: "/tmp/f.sqlite", config: config, environment: ["PUSHDESK_STORE": "/tmp/e.sqlite"])
                == .sqlite(path: "/tmp/f.sqlite"))
        #expect(try StoreFactory.location(flag: nil, config: PushDeskConfig(), environment: ["HOME": "/home/x"])
                == .sqlite(path: "/home/x/.local/share/pushdesk/pushdesk.sqlite"))
        #expect(StoreFactory.operatorName(flag: "erin", config: config) == "erin")
        #expect(StoreFactory.operatorName(flag: nil, config: config) == "dana@desk2")
        let fallback = StoreFactory.operatorName(flag: nil, config: PushDeskConfig(), environment: ["USER": "sam"])
        #expect(fallback.hasPrefix("sam@") && fallback.count > 4)
        #expect(try PushDeskConfig.load(path: path, environment: ["PUSHDESK_OPERATOR": "env-op"]).operatorName == "env-op")
    }
}
