import AssessJSON
import XCTest
import _AssessTestSupport

final class JSONPointerTests: XCTestCase {
    /// The example document of RFC 6901 §5.
    let document = #"""
        {
          "foo": ["bar", "baz"],
          "": 0,
          "a/b": 1,
          "c%d": 2,
          "e^f": 3,
          "g|h": 4,
          "i\\j": 5,
          "k\"l": 6,
          " ": 7,
          "m~n": 8
        }
        """#

    func testParsingAndEscaping() throws {
        XCTAssertEqual(try JSONPointer(parsing: "").tokens, [])
        XCTAssertEqual(try JSONPointer(parsing: "/").tokens, [""])
        XCTAssertEqual(try JSONPointer(parsing: "//").tokens, ["", ""])
        XCTAssertEqual(try JSONPointer(parsing: "/a~1b/c~0d").tokens, ["a/b", "c~d"])
        // ~01 is "~1", not "/": unescape ~1 first would be wrong.
        XCTAssertEqual(try JSONPointer(parsing: "/~01").tokens, ["~1"])
        XCTAssertEqual(try JSONPointer(parsing: "/é/😀/0").tokens, ["é", "😀", "0"])
    }

    func testInvalidPointers() {
        XCTAssertThrowsError(try JSONPointer(parsing: "a")) { error in
            XCTAssertEqual(error as? JSONPointerError, .missingLeadingSlash("a"))
        }
        XCTAssertThrowsError(try JSONPointer(parsing: "/a~2")) { error in
            XCTAssertEqual(error as? JSONPointerError, .invalidEscape("/a~2"))
        }
        XCTAssertThrowsError(try JSONPointer(parsing: "/a~")) { error in
            XCTAssertEqual(error as? JSONPointerError, .invalidEscape("/a~"))
        }
        XCTAssertThrowsError(try JSONPointer(uriFragment: "#/a%2")) { error in
            XCTAssertEqual(error as? JSONPointerError, .invalidPercentEncoding("#/a%2"))
        }
        XCTAssertThrowsError(try JSONPointer(uriFragment: "#/%FF")) { error in
            XCTAssertEqual(error as? JSONPointerError, .invalidPercentEncoding("#/%FF"))
        }
    }

    func testDescription() throws {
        XCTAssertEqual(JSONPointer.root.description, "")
        XCTAssertEqual(JSONPointer(tokens: ["a/b", "c~d", "", "0"]).description, "/a~1b/c~0d//0")
        XCTAssertEqual(JSONPointer(tokens: ["~1"]).description, "/~01")
        for text in ["", "/", "/a~1b/c~0d", "/~01", "/é/ /0", "/~0~1~0"] {
            XCTAssertEqual(try JSONPointer(parsing: text).description, text)
        }
    }

    func testAppending() {
        let pointer = JSONPointer.root.appending("a/b").appending(3).appending("~")
        XCTAssertEqual(pointer.tokens, ["a/b", "3", "~"])
        XCTAssertEqual(pointer.description, "/a~1b/3/~0")
        XCTAssertEqual(pointer.parent?.description, "/a~1b/3")
        XCTAssertEqual(pointer.lastToken, "~")
        XCTAssertNil(JSONPointer.root.parent)
        XCTAssertTrue(JSONPointer.root.isRoot)
        XCTAssertEqual(JSONPointer(tokens: ["x"]).appending(JSONPointer(tokens: ["y", "z"])).description, "/x/y/z")
    }

    func testHashable() throws {
        let set: Set<JSONPointer> = [try JSONPointer(parsing: "/a/0"), JSONPointer.root.appending("a").appending(0)]
        XCTAssertEqual(set.count, 1)
        XCTAssertNotEqual(try JSONPointer(parsing: "/a~1b"), try JSONPointer(parsing: "/a/b"))
    }

    func testResolvingTheRFCExamples() throws {
        let root = try JSONParser.parse(document).root
        func resolve(_ text: String) throws -> JSONNode? { try JSONPointer(parsing: text).resolve(in: root) }
        XCTAssertEqual(try resolve("")?.offset, root.offset)
        XCTAssertEqual(try resolve("/foo")?.arrayValue?.count, 2)
        XCTAssertEqual(try resolve("/foo/0")?.stringValue, "bar")
        XCTAssertEqual(try resolve("/foo/1")?.stringValue, "baz")
        let expected: [(String, Int)] = [
            ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7),
            ("/m~0n", 8),
        ]
        for (pointer, value) in expected {
            XCTAssertEqual(try resolve(pointer)?.numberValue?.intValue, value, pointer)
        }
    }

    func testResolvingURIFragments() throws {
        let root = try JSONParser.parse(document).root
        func resolve(_ fragment: String) throws -> JSONNode? { try JSONPointer(uriFragment: fragment).resolve(in: root) }
        XCTAssertEqual(try resolve("#")?.offset, root.offset)
        XCTAssertEqual(try resolve("#/foo/0")?.stringValue, "bar")
        let expected: [(String, Int)] = [
            ("#/", 0), ("#/a~1b", 1), ("#/c%25d", 2), ("#/e%5Ef", 3), ("#/g%7Ch", 4), ("#/i%5Cj", 5), ("#/k%22l", 6),
            ("#/%20", 7), ("#/m~0n", 8), ("/m~0n", 8),
        ]
        for (fragment, value) in expected {
            XCTAssertEqual(try resolve(fragment)?.numberValue?.intValue, value, fragment)
        }
        XCTAssertEqual(try JSONPointer(uriFragment: "#/%C3%A9").tokens, ["é"])
    }

    func testResolvingMisses() throws {
        let root = try JSONParser.parse(document).root
        for text in ["/foo/2", "/foo/-", "/foo/01", "/foo/+1", "/foo/a", "/foo/", "/nope", "/foo/0/x", "/ /x", "/foo/99999999999999999999"] {
            XCTAssertNil(try JSONPointer(parsing: text).resolve(in: root), text)
        }
    }

    func testResolvingMatchesExactScalars() throws {
        let root = try JSONParser.parse("{\"e\u{301}\": 1, \"\u{E9}\": 2}").root
        XCTAssertEqual(JSONPointer(tokens: ["\u{E9}"]).resolve(in: root)?.numberValue?.intValue, 2)
        XCTAssertEqual(JSONPointer(tokens: ["e\u{301}"]).resolve(in: root)?.numberValue?.intValue, 1)
    }
}
