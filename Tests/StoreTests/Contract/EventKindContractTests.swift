import Domain
import Foundation
import Store
import Testing

/// Event kinds are stored as their raw strings (no schema change for a new kind): every kind,
/// the websocket's unconfirmed word included, reads back as written.
@Suite("Store contract: event kinds")
struct EventKindContractTests {
    @Test(arguments: StoreEngine.allCases)
    func everyEventKindRoundTrips(_ engine: StoreEngine) async throws {
        try await engine.withStore { store in
            try await store.savePayload(PayloadRecord(uuid: "k1", transactionType: "SignIn", txjson: "{}", created: t0))
            let events = PayloadEventKind.allCases.enumerated().map { i, kind in PayloadEvent(at: t0.addingTimeInterval(Double(i)), kind: kind) }
            _ = try await store.recordProgress(uuid: "k1", events: events, result: nil, resolution: nil, userToken: nil, at: t0)
            let loaded = try #require(try await store.payload(uuid: "k1"))
            #expect(loaded.events.map(\.kind) == PayloadEventKind.allCases)
            #expect(loaded.events.map(\.kind).contains(.signedUnconfirmed))
        }
    }
}
