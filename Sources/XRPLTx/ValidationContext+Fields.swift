/// Checks of single field values: addresses, integers, hashes and hex blobs.
extension ValidationContext {
    /// Checks a classic address value; returns the address when valid.
    @discardableResult
    mutating func checkAddress(_ value: JSONValue, path: String) -> String? {
        guard case .string(let s) = value else {
            error(path, "must be an address string, not \(value.kindDescription)")
            return nil
        }
        switch XRPLAddress.decodeClassic(s) {
        case .success:
            return s
        case .failure(.xAddress):
            if let x = XRPLAddress.decodeXAddress(s) {
                let tagHint = x.tag.map { " and DestinationTag \($0)" } ?? ""
                error(path, "X-address not accepted here: use the classic address \(x.classicAddress)\(tagHint) (classic address plus DestinationTag)")
            } else {
                error(path, "invalid X-address (bad checksum, prefix or tag flag); use a classic address plus DestinationTag")
            }
        case .failure(let e):
            if e == .badChecksum {
                error(path, "bad checksum: not a valid XRPL classic address (check for a typo)")
            } else {
                error(path, "not a valid XRPL classic address: \(e.description)")
            }
        }
        return nil
    }

    /// Checks an unsigned integer field (JSON number, integral, `0...max`); returns the value when valid.
    @discardableResult
    mutating func checkUInt(_ value: JSONValue, path: String, max: UInt32 = .max, bits: Int = 32) -> UInt32? {
        switch value {
        case .number(let text):
            guard let v = NumberText.integer(text) else {
                error(path, "must be a whole number (UInt\(bits)), not \(text)")
                return nil
            }
            guard v >= 0 else { error(path, "must not be negative (UInt\(bits))"); return nil }
            guard v <= Int64(max) else { error(path, "\(text) is out of range: the maximum is \(max)"); return nil }
            return UInt32(v)
        case .string(let s):
            if Int64(s) != nil {
                error(path, "must be a JSON number, not a string: write \(s) without quotes")
            } else {
                error(path, "must be a whole number (UInt\(bits)), not a string")
            }
        default:
            error(path, "must be a whole number (UInt\(bits)), not \(value.kindDescription)")
        }
        return nil
    }

    /// Checks a hash field of `hexLength` hex digits; returns it when valid.
    @discardableResult
    mutating func checkHash(_ value: JSONValue, path: String, hexLength: Int = 64) -> String? {
        guard case .string(let s) = value else {
            error(path, "must be a \(hexLength)-digit hex string, not \(value.kindDescription)")
            return nil
        }
        guard s.utf8.count == hexLength, Hex.isHex(s) else {
            error(path, "must be exactly \(hexLength) hex digits (got \(s.utf8.count) characters\(Hex.isHex(s) || s.isEmpty ? "" : ", not all hex"))")
            return nil
        }
        return s
    }

    /// Checks a hex blob (non-empty unless `allowEmpty`, even length, at most `maxBytes`); returns its bytes.
    @discardableResult
    mutating func checkBlob(_ value: JSONValue, path: String, maxBytes: Int? = nil, allowEmpty: Bool = false) -> [UInt8]? {
        guard case .string(let s) = value else {
            error(path, "must be a hex string, not \(value.kindDescription)")
            return nil
        }
        if s.isEmpty {
            if allowEmpty { return [] }
            error(path, "must not be empty (hex string)")
            return nil
        }
        guard Hex.isHex(s) else {
            error(path, "must be hex-encoded (0-9, A-F); got non-hex characters")
            return nil
        }
        guard let bytes = Hex.decode(s) else {
            error(path, "hex string has an odd number of digits")
            return nil
        }
        if let maxBytes, bytes.count > maxBytes {
            error(path, "too long: \(bytes.count) bytes, the maximum is \(maxBytes)")
            return nil
        }
        return bytes
    }

    /// Checks a boolean-like flag-free object is an object; returns its members.
    mutating func checkObject(_ value: JSONValue, path: String) -> [(key: String, value: JSONValue)]? {
        guard case .object(let members) = value else {
            error(path, "must be an object, not \(value.kindDescription)")
            return nil
        }
        return members
    }
}
