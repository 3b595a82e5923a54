import Testing
@testable import XRPLTx

/// Vectors from ripple-address-codec `test/xrp-codec.test.ts` and `test/index.test.ts` (xrpl.js),
/// xrpl-py `tests/unit/core/addresscodec/test_main.py`, and xrpl.js `test/models/payment.test.ts`
/// (as listed in XRPL-TXJSON.md §4).
@Suite("XRPL addresses")
struct XRPLAddressTests {
    @Test(arguments: [Addr.a, Addr.b, Addr.c, "rrrrrrrrrrrrrrrrrrrrrhoLvTp", "rrrrrrrrrrrrrrrrrrrrBZbvji"])
    func validClassicAddresses(address: String) {
        #expect(XRPLAddress.isValidClassic(address))
    }

    @Test func decodesAccountID() throws {
        let id = try XRPLAddress.decodeClassic(Addr.c).get()
        #expect(Hex.encode(id) == "BA8E78626EE42C41B46D46C3048DF3A1C3C87072")
        #expect(XRPLAddress.encodeClassic(accountID: id) == Addr.c)
    }

    @Test func invalidClassicAddresses() {
        #expect(XRPLAddress.decodeClassic(Addr.badChecksum) == .failure(.badChecksum))
        #expect(XRPLAddress.decodeClassic("") == .failure(.empty))
        #expect(!XRPLAddress.isValidClassic("rABCD"))
        #expect(XRPLAddress.decodeClassic("rU6K7V3Po4snVhBBaU29sesqs2qTQJWDw0") == .failure(.badCharacter("0")))
        #expect(XRPLAddress.decodeClassic("sU6K7V3Po4snVhBBaU29sesqs2qTQJWDw1") == .failure(.notStartingWithR))
        #expect(!XRPLAddress.isValidClassic("r" + String(repeating: "z", count: 200)))
    }

    @Test func xAddresses() throws {
        let plain = try #require(XRPLAddress.decodeXAddress("X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ"))
        #expect(plain.classicAddress == "r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59")
        #expect(plain.tag == nil)
        #expect(!plain.isTest)
        let tagged = try #require(XRPLAddress.decodeXAddress("X7WZKEeNVS2p9Tire9DtNFkzWBZbFtSiS2eDBib7svZXuc2"))
        #expect(tagged.tag == 1222)
        #expect(XRPLAddress.decodeXAddress("XVLhHMPHU98es4dbozjVtdWzVrDjtV5fdx1mHp98tDMoQXa") == nil)  // bad checksum
        #expect(XRPLAddress.decodeXAddress("dGzKGt8CVpWoa8aWL1k18tAdy9Won3PxynvbbpkAqp3V47g") == nil)  // bad prefix
        #expect(XRPLAddress.decodeXAddress("XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8zeUygYrCgrPh") == nil)  // 64-bit tag flag
        #expect(XRPLAddress.decodeClassic("X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ") == .failure(.xAddress))
    }

    @Test func validatorExplainsAddressProblems() {
        let typo = validate(basePayment.with("Destination", q(Addr.badChecksum)))
        #expect(hasError(typo, "Destination", "bad checksum"))
        let short = validate(basePayment.with("Destination", q("rABCD")))
        #expect(hasError(short, "Destination", "not a valid XRPL classic address"))
        let x = validate(basePayment.with("Destination", q("X7WZKEeNVS2p9Tire9DtNFkzWBZbFtSiS2eDBib7svZXuc2")))
        #expect(hasError(x, "Destination", "DestinationTag 1222"))
        let number = validate(basePayment.with("Destination", "12"))
        #expect(hasError(number, "Destination", "address string"))
        #expect(errors(validate(basePayment)).isEmpty)
    }
}
