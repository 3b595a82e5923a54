import Foundation
import Store
import Testing

/// The engines the contract suite holds to one behaviour. Every contract test takes one as its
/// argument (`@Test(arguments: StoreEngine.allCases)`), so adding an engine is adding a case here.
enum StoreEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty store of this engine, removed afterwards.
    func withStore(_ body: (any PushDeskStore) async throws -> Void) async throws {
        try await withReopenableStore { store, _ in try await body(store) }
    }

    /// Same, and `reopen` opens another handle on the same data, as a second process (or the same
    /// one after a restart) would.
    func withReopenableStore(_ body: (any PushDeskStore, _ reopen: () async throws -> any PushDeskStore) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushdesk-contract-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("pushdesk.sqlite").path
            try await body(try SQLiteStore(path: path), { try SQLiteStore(path: path) })
        }
    }
}
