import Foundation
import Store
import Testing

@Suite("Store location: --store VALUE")
struct StoreLocationTests {
    static let secret = "s3cr%40t-pw"

    @Test func aPathIsSQLiteAndAURLIsPostgres() throws {
        #expect(try StoreLocation.parse("/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try StoreLocation.parse("~/x.sqlite") == .sqlite(path: NSHomeDirectory() + "/x.sqlite"))
        let pg = try StoreLocation.parse("postgres://dana:\(Self.secret)@db.example:6543/desk?sslmode=require")
        guard case .postgres(let e) = pg else { Issue.record("not postgres: \(pg)"); return }
        #expect(e.host == "db.example" && e.port == 6543 && e.username == "dana" && e.database == "desk")
        #expect(e.password == "s3cr@t-pw") // percent-decoded
        #expect(e.sslMode == .require)
        #expect(try StoreLocation.parse("postgresql://u@h/d") == .postgres(PostgresEndpoint(host: "h", port: 5432, username: "u", password: nil, database: "d")))
        #expect(try PostgresEndpoint(url: "postgres://u:p@h/d?sslmode=disable").sslMode == .disable)
        #expect(try PostgresEndpoint(url: "postgres://u:p@h/d").sslMode == .prefer)
    }

    @Test func everyPrintedFormHidesThePassword() throws {
        let location = try StoreLocation.parse("postgres://dana:\(Self.secret)@host:5432/db")
        guard case .postgres(let endpoint) = location else { Issue.record("not postgres"); return }
        #expect(location.description == "postgres://dana:***@host:5432/db")
        #expect(endpoint.redactedURL == "postgres://dana:***@host:5432/db")
        #expect(endpoint.address == "host:5432/db")
        var dumped = ""
        dump(location, to: &dumped)
        for text in [location.description, String(reflecting: location), String(reflecting: endpoint), "\(endpoint)", dumped] {
            #expect(!text.contains("s3cr"), "password shown in \(text)")
        }
    }

    @Test func malformedURLsAreRefusedWithoutThePassword() {
        for bad in ["postgres://dana:\(Self.secret)@host:5432/", "postgres://:\(Self.secret)@host/db",
                    "postgres://dana:\(Self.secret)@host/db?sslmode=sometimes", "postgres://dana:\(Self.secret)@host/db?sslcert=x",
                    "mysql://dana:\(Self.secret)@host/db", "  "] {
            do {
                _ = try StoreLocation.parse(bad)
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error is StoreError)
                #expect(!"\(error)".contains("s3cr"), "password in \(error)")
            }
        }
    }

    @Test func theFlagWinsThenTheEnvironmentThenTheConfig() throws {
        let env = ["PUSHDESK_STORE": "postgres://e@h/env"]
        #expect(try StoreLocation.resolve(flag: "/flag.sqlite", environment: env, config: "/config.sqlite", defaultPath: "/d") == .sqlite(path: "/flag.sqlite"))
        #expect(try StoreLocation.resolve(flag: nil, environment: env, config: "/config.sqlite", defaultPath: "/d").description == "postgres://e@h:5432/env")
        #expect(try StoreLocation.resolve(flag: nil, environment: [:], config: "/config.sqlite", defaultPath: "/d") == .sqlite(path: "/config.sqlite"))
        #expect(try StoreLocation.resolve(flag: nil, environment: [:], config: nil, defaultPath: "/d") == .sqlite(path: "/d"))
    }
}
