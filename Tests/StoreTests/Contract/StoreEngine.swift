import Foundation
import PostgresTestSupport
import Store
import Testing

/// The engines the contract suite holds to one behaviour. Every contract test takes one as its
/// argument (`@Test(arguments: StoreEngine.allCases)`), so adding an engine is adding a case here.
enum StoreEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    /// A fresh database per test on the server of `PUSHDESK_TEST_POSTGRES_URL` (see ``PostgresTestServer``).
    case postgres

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty store of this engine, removed afterwards.
    func withStore(_ body: (any PushDeskStore) async throws -> Void) async throws {
        try await withReopenableStore { store, _ in try await body(store) }
    }

    /// Same, and `reopen` opens another handle on the same data, as a second process (or the same
    /// one after a restart) would.
    func withReopenableStore(_ body: (any PushDeskStore, _ reopen: () async throws -> any PushDeskStore) async throws -> Void) async throws {
        try await withLocation { location in
            try await body(try await Self.open(location), { try await Self.open(location) })
        }
    }

    /// Runs `body` with the location of a fresh, empty store of this engine, removed afterwards.
    func withLocation(_ body: (StoreLocation) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-contract-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            try await body(.sqlite(path: dir.appendingPathComponent("pushdesk.sqlite").path))
        case .postgres:
            try await PostgresTestServer.withDatabase { endpoint in try await body(.postgres(endpoint)) }
        }
    }

    /// Opens a store at `location`.
    static func open(_ location: StoreLocation) async throws -> any PushDeskStore {
        switch location {
        case .sqlite(let path): return try SQLiteStore(path: path)
        case .postgres(let endpoint): return try await PostgresStore.open(endpoint, maximumConnections: 4)
        }
    }
}
