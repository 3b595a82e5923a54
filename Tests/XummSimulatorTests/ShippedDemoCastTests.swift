import Foundation
import Testing
import XummSimulator

/// The demo cast is built into the binary (`Sources/XummSimulator/Generated/ShippedDemoCast.swift`,
/// written by `scripts/embed-assets.py`): it must never drift from `assets/demo/users.json`.
@Suite struct ShippedDemoCastTests {
    @Test func generatedCastMatchesAssetsExactly() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("assets/demo/users.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(ShippedDemoCast.usersJSON == text, "assets/demo/users.json differs from the generated copy: run scripts/embed-assets.py")
        let shipped = try UsersFile.shipped()
        let loaded = try UsersFile.load(file)
        #expect(shipped.application == loaded.application)
        #expect(shipped.users.map(\.name) == loaded.users.map(\.name))
    }

    @Test func aSimulatorWithoutAUsersFileUsesTheBuiltInCast() async throws {
        let sim = try XummSimulator(config: SimulatorConfig())
        #expect(sim.usersSource == "built-in demo cast" || ProcessInfo.processInfo.environment["PUSHDESK_ASSETS"] != nil)
        #expect(await sim.users().count == (try UsersFile.shipped()).users.count)
    }
}
