import AssessJSON
import XCTest

/// Short strings are made and read through their in-value layout; these hold that path equal to
/// the standard library's own.
final class SmallStringTests: XCTestCase {
    func testTheLayoutIsRecognisedOnThisPlatform() {
        // Every 64-bit little-endian platform Swift runs on stores small strings this way.
        XCTAssertTrue(SmallString.available)
    }

    func testASCIIStringsMadeFromBytesEqualTheLibrarys() throws {
        let flags = try XCTUnwrap(SmallString.asciiFlags)
        var generator = SystemRandomNumberGenerator()
        var samples = ["", "a", "status", "2026-11-18", "-14.44", "0123456789abcde", "~!@#$%^&*()_+{}"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...15, using: &generator)
            samples.append(String(decoding: (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }, as: UTF8.self))
        }
        for sample in samples {
            let bytes = Array(sample.utf8)
            let made = bytes.withUnsafeBufferPointer { SmallString.ascii($0.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: $0.count, flags: flags) }
            XCTAssertEqual(made, sample)
            XCTAssertEqual(made.map { Array($0.utf8) }, bytes)
            XCTAssertEqual(made?.hashValue, sample.hashValue)
            XCTAssertEqual(made.map { $0 + "!" }, sample + "!")
        }
    }

    func testOnlyShortASCIIIsMade() throws {
        let flags = try XCTUnwrap(SmallString.asciiFlags)
        for text in ["é", "naïve", "0123456789abcdef", String(repeating: "x", count: 40)] {
            let bytes = Array(text.utf8)
            XCTAssertNil(bytes.withUnsafeBufferPointer { SmallString.ascii($0.baseAddress!, count: $0.count, flags: flags) }, text)
        }
    }

    func testPackedBytesAreTheUTF8Bytes() {
        for text in ["", "a", "é", "key", "evidenceMode", "0123456789abcde", String(decoding: Array("naïve".utf8), as: UTF8.self)] {
            let packed = SmallString.packed(text)
            XCTAssertNotNil(packed, text)
            var bytes = [UInt8](repeating: 0, count: 16)
            withUnsafeBytes(of: (packed?.low ?? 0).littleEndian) { bytes.replaceSubrange(0..<8, with: $0) }
            withUnsafeBytes(of: (packed?.high ?? 0).littleEndian) { bytes.replaceSubrange(8..<16, with: $0) }
            XCTAssertEqual(packed?.count, text.utf8.count)
            XCTAssertEqual(Array(bytes.prefix(text.utf8.count)), Array(text.utf8))
            XCTAssertTrue(bytes.dropFirst(text.utf8.count).allSatisfy { $0 == 0 })
        }
        XCTAssertNil(SmallString.packed(String(repeating: "long key ", count: 3)))
    }

    func testParsedKeysAndNumbersKeepTheirText() throws {
        let document = try JSONParser.parse(#"{"status": "draft", "score": -14.44, "a-much-longer-key-name": 0.000001, "é": "ü"}"#)
        let object = try XCTUnwrap(document.root.objectValue)
        XCTAssertEqual(object.keys, ["status", "score", "a-much-longer-key-name", "é"])
        XCTAssertEqual(object["status"]?.stringValue, "draft")
        guard case .number(let score)? = object["score"]?.value, case .number(let small)? = object["a-much-longer-key-name"]?.value
        else { return XCTFail("numbers expected") }
        XCTAssertEqual(score.literal, "-14.44")
        XCTAssertEqual(score.double, -14.44)
        XCTAssertEqual(small.literal, "0.000001")
        XCTAssertEqual(object["é"]?.stringValue, "ü")
    }

    /// Looking a member up by a short ASCII key compares stored words; keys made otherwise
    /// (longer, non-ASCII, or built in code) still match as before.
    func testMemberLookupByShortKeys() throws {
        let object = try XCTUnwrap(JSONParser.parse(#"{"\u212A": 1, "status": 2, "a-much-longer-key-name": 3, "é": 4}"#).root.objectValue)
        XCTAssertEqual(object["status"]?.numberValue?.intValue, 2)
        XCTAssertNil(object["statu"])
        XCTAssertNil(object["K"], "lengths differ: the Kelvin sign is not matched by \"K\"")
        XCTAssertEqual(object["\u{212A}"]?.numberValue?.intValue, 1)
        XCTAssertEqual(object["a-much-longer-key-name"]?.numberValue?.intValue, 3)
        XCTAssertEqual(object["e\u{301}"]?.numberValue?.intValue, nil, "different lengths")
        XCTAssertEqual(object["é"]?.numberValue?.intValue, 4)
        // A short key held in a large buffer (not a small string) is found by its text.
        var built = String()
        built.reserveCapacity(64)
        built += "status"
        let coded = JSONObject([JSONMember(key: built, value: JSONNode(.bool(true)))])
        XCTAssertEqual(coded["status"]?.boolValue, true)
        XCTAssertEqual(coded.member("status")?.key, "status")
    }
}
