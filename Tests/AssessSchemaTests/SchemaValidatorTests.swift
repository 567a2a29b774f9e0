import AssessJSON
import AssessSchema
import Foundation
import XCTest

private func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONNode {
    do {
        return try JSONParser.parse(text).root
    } catch {
        XCTFail("test JSON does not parse: \(error)", file: file, line: line)
        return JSONNode(.null)
    }
}

private func compile(_ text: String, options: ValidationOptions = ValidationOptions()) throws -> Schema {
    try SchemaCompiler(options: options).compile(json(text))
}

/// Byte offset of the first occurrence of `needle` in `text` (UTF-8).
private func offset(of needle: String, in text: String) -> Int {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
        return start
    }
    XCTFail("\(needle) not found")
    return -1
}

final class SchemaValidatorTests: XCTestCase {
    static let articleSchema = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["title", "summary", "status"],
      "properties": {
        "title": {"type": "string", "minLength": 1},
        "summary": {"type": "string"},
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "status": {"enum": ["draft", "in-review", "reviewed", "published"]},
        "rating": {"type": "integer", "minimum": -100, "maximum": 100},
        "keyMoments": {"type": "array", "items": {"type": "string"}},
        "published": {"type": "string", "format": "date"},
        "reviewer": {"type": "string"}
      },
      "additionalProperties": false,
      "allOf": [
        {
          "if": {"properties": {"status": {"const": "reviewed"}}, "required": ["status"]},
          "then": {"required": ["reviewer"]}
        }
      ]
    }
    """

    func testMessagesPositionsAndOrder() throws {
        let schema = try compile(Self.articleSchema, options: ValidationOptions(formatAssertion: true))
        let text = """
        {"title": 3, "slug": "Ada", "status": "done", "rating": -120, "keyMoment": [], "published": "2026-13-01"}
        """
        let errors = schema.validate(json(text))
        XCTAssertEqual(errors.map(\.message), [
            "missing required property \"summary\"",
            "expected string, found number 3",
            "\"Ada\" does not match pattern ^[a-z0-9]+(-[a-z0-9]+)*$",
            "\"done\" is not one of \"draft\", \"in-review\", \"reviewed\", \"published\"",
            "-120 is less than the minimum -100",
            "unknown property \"keyMoment\"",
            "\"2026-13-01\" is not a valid date",
        ])
        XCTAssertEqual(errors.map(\.instancePath), ["", "/title", "/slug", "/status", "/rating", "/keyMoment", "/published"])
        XCTAssertEqual(errors.map(\.keyword), ["required", "type", "pattern", "enum", "minimum", "additionalProperties", "format"])
        XCTAssertEqual(errors.map(\.keywordLocation), [
            "#/required", "#/properties/title/type", "#/properties/slug/pattern", "#/properties/status/enum",
            "#/properties/rating/minimum", "#/additionalProperties", "#/properties/published/format",
        ])
        // Offsets: the object for a missing property, the KEY for an unknown one, the value otherwise.
        XCTAssertEqual(errors[0].instanceOffset, 0)
        XCTAssertEqual(errors[1].instanceOffset, offset(of: "3,", in: text))
        XCTAssertEqual(errors[2].instanceOffset, offset(of: "\"Ada\"", in: text))
        XCTAssertEqual(errors[3].instanceOffset, offset(of: "\"done\"", in: text))
        XCTAssertEqual(errors[4].instanceOffset, offset(of: "-120", in: text))
        XCTAssertEqual(errors[5].instanceOffset, offset(of: "\"keyMoment\"", in: text))
        XCTAssertEqual(errors[6].instanceOffset, offset(of: "\"2026-13-01\"", in: text))
        // Expected / found.
        XCTAssertEqual(errors[1].expected, "string")
        XCTAssertEqual(errors[1].found, "3")
        XCTAssertEqual(errors[3].expected, "one of \"draft\", \"in-review\", \"reviewed\", \"published\"")
        XCTAssertEqual(errors[3].found, "\"done\"")
        // The suggestion for the unknown property.
        XCTAssertEqual(errors[5].suggestion, "did you mean \"keyMoments\"?")
        XCTAssertNil(errors[4].suggestion)
        XCTAssertFalse(schema.isValid(json(text)))
    }

    /// The quick checks of common assertions decide only what they can prove; at their edges
    /// (doubles that are equal, strings that only look alike) the exact rule decides, and
    /// `isValid` always agrees with `validate`.
    func testQuickAssertionsAgreeWithTheExactRuleAtTheirEdges() throws {
        let cases: [(schema: String, instance: String, valid: Bool)] = [
            (#"{"minimum": 1}"#, "1", true),
            (#"{"minimum": 1}"#, "1.0", true),
            (#"{"minimum": 1}"#, "0.99999999999999999999", false),
            (#"{"exclusiveMinimum": 1}"#, "1.00000000000000000001", true),
            (#"{"exclusiveMinimum": 1}"#, "1", false),
            (#"{"maximum": 0.1}"#, "0.1000000000000000000001", false),
            (#"{"exclusiveMaximum": 100}"#, "99.99999999999999999999", true),
            (#"{"maxLength": 2}"#, #""éé""#, true),
            (#"{"maxLength": 1}"#, #""éé""#, false),
            (#"{"minLength": 2}"#, #""é""#, false),
            (#"{"enum": ["é", "draft"]}"#, #""e\u0301""#, false),
            (#"{"enum": ["é", "draft"]}"#, #""\u00e9""#, true),
            (#"{"enum": ["draft", 1]}"#, "1.0", true),
            (#"{"enum": ["draft"]}"#, "1", false),
            (#"{"required": ["a", "b"]}"#, #"{"b": 1, "a": 2}"#, true),
            (#"{"required": ["a", "b"]}"#, #"{"a": 1, "c": 2}"#, false),
            (#"{"required": ["a-much-longer-property-name"]}"#, #"{"a-much-longer-property-name": 1}"#, true),
            (#"{"type": "integer"}"#, "1.0", true),
            (#"{"type": "integer"}"#, "1.0000000000000001", false),
            (#"{"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}"#, #""a-b""#, true),
            (#"{"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}"#, #""a--b""#, false),
        ]
        for test in cases {
            let schema = try compile(test.schema)
            let instance = json(test.instance)
            XCTAssertEqual(schema.isValid(instance), test.valid, "\(test.schema) against \(test.instance)")
            XCTAssertEqual(schema.validate(instance).isEmpty, test.valid, "\(test.schema) against \(test.instance)")
        }
    }

    func testFormatIsAnAnnotationByDefault() throws {
        let schema = try compile(#"{"format": "date"}"#)
        XCTAssertTrue(schema.isValid(json(#""2026-13-01""#)))
        let asserting = try compile(#"{"format": "date"}"#, options: ValidationOptions(formatAssertion: true))
        XCTAssertFalse(asserting.isValid(json(#""2026-13-01""#)))
        XCTAssertTrue(asserting.isValid(json(#""2024-02-29""#)))
    }

    func testThenErrorsSayWhyTheyApply() throws {
        let schema = try compile(Self.articleSchema)
        let errors = schema.validate(json(#"{"title": "T", "summary": "S", "status": "reviewed"}"#))
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.message, "missing required property \"reviewer\"")
        XCTAssertEqual(errors.first?.keywordLocation, "#/allOf/0/then/required")
        XCTAssertEqual(errors.first?.notes, ["required because \"status\" is \"reviewed\" (if at #/allOf/0/if)"])
        XCTAssertTrue(schema.validate(json(#"{"title": "T", "summary": "S", "status": "draft"}"#)).isEmpty)
    }

    func testElseErrorsSayWhyTheyApply() throws {
        let schema = try compile(#"""
        {"if": {"properties": {"kind": {"const": "video"}}}, "then": {"required": ["url"]}, "else": {"required": ["text"]}}
        """#)
        let errors = schema.validate(json(#"{"kind": "quote"}"#))
        XCTAssertEqual(errors.map(\.message), ["missing required property \"text\""])
        XCTAssertEqual(errors.first?.notes, ["required because \"kind\" is not \"video\" (if at #/if)"])
    }

    static let mediaSchema = """
    {
      "anyOf": [
        {"type": "object", "properties": {"kind": {"const": "video"}, "url": {"type": "string"}}, "required": ["kind", "url"]},
        {"type": "object", "properties": {"kind": {"const": "quote"}, "text": {"type": "string"}}, "required": ["kind", "text"]}
      ]
    }
    """

    func testAnyOfReportsTheClosestAlternativeOnly() throws {
        let schema = try compile(Self.mediaSchema)
        let text = #"{"kind": "quote", "text": 5}"#
        let errors = schema.validate(json(text))
        XCTAssertEqual(errors.count, 2, "\(errors)")
        XCTAssertEqual(errors[0].keyword, "anyOf")
        XCTAssertEqual(errors[0].instancePath, "")
        XCTAssertEqual(errors[0].message, "the object does not match any of the 2 alternatives of anyOf")
        XCTAssertEqual(errors[0].notes, ["closest alternative: #/anyOf/1"])
        XCTAssertEqual(errors[1].message, "expected string, found number 5")
        XCTAssertEqual(errors[1].instancePath, "/text")
        XCTAssertEqual(errors[1].keywordLocation, "#/anyOf/1/properties/text/type")
        XCTAssertEqual(errors[1].instanceOffset, offset(of: "5}", in: text))
        XCTAssertEqual(errors[1].notes, ["closest alternative: #/anyOf/1"])
    }

    func testAnyOfPrefersTheBranchWhoseDiscriminatorMatched() throws {
        let schema = try compile(Self.mediaSchema)
        // The video branch has fewer errors by count only if the discriminator is ignored.
        let errors = schema.validate(json(#"{"kind": "video", "text": 1, "extra": 2}"#))
        XCTAssertEqual(errors.first?.notes, ["closest alternative: #/anyOf/0"])
        XCTAssertEqual(errors.dropFirst().map(\.message), ["missing required property \"url\""])
    }

    func testAnyOfWithAnUnknownDiscriminatorValue() throws {
        let schema = try compile(Self.mediaSchema)
        let text = #"{"kind": "vidoe", "url": "u"}"#
        let errors = schema.validate(json(text))
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors[0].message, "\"vidoe\" is not one of \"video\", \"quote\"")
        XCTAssertEqual(errors[0].instancePath, "/kind")
        XCTAssertEqual(errors[0].instanceOffset, offset(of: "\"vidoe\"", in: text))
        XCTAssertEqual(errors[0].keyword, "anyOf")
        XCTAssertEqual(errors[0].suggestion, "did you mean \"video\"?")
    }

    func testDiscriminatorIgnoresAlternativesOfAnotherType() throws {
        let schema = try compile(#"""
        {"oneOf": [
          {"type": "object", "properties": {"kind": {"const": "video"}, "url": {"type": "string"}}, "required": ["kind", "url"]},
          {"type": "object", "properties": {"kind": {"const": "image"}, "src": {"type": "string"}}, "required": ["kind", "src"]},
          {"type": "string"}
        ]}
        """#)
        let errors = schema.validate(json(#"{"kind": "audio"}"#))
        XCTAssertEqual(errors.map(\.message), ["\"audio\" is not one of \"video\", \"image\""])
        XCTAssertEqual(errors.map(\.instancePath), ["/kind"])
        XCTAssertEqual(schema.validate(json("5")).map(\.message), ["expected object or string, found number 5"])
        // No discriminator failed: the closest object alternative, not the string one.
        let missing = schema.validate(json(#"{"kind": "image"}"#))
        XCTAssertEqual(missing.map(\.message), [
            "the object does not match any of the 3 alternatives of oneOf", "missing required property \"src\"",
        ])
        XCTAssertEqual(missing.first?.notes, ["closest alternative: #/oneOf/1"])
    }

    func testAnyOfOfTypesSaysWhichTypes() throws {
        let schema = try compile(#"{"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}"#)
        let errors = schema.validate(json("true"))
        XCTAssertEqual(errors.map(\.message), ["expected string or integer or null, found boolean true"])
        XCTAssertEqual(errors.first?.keyword, "anyOf")
    }

    func testOneOfNamesTheAlternativesThatMatched() throws {
        let schema = try compile(#"{"oneOf": [{"type": "number"}, {"type": "integer"}, {"type": "string"}]}"#)
        let errors = schema.validate(json("3"))
        XCTAssertEqual(errors.map(\.message), ["3 matches 2 alternatives of oneOf (#/oneOf/0, #/oneOf/1); exactly one must match"])
        XCTAssertTrue(schema.isValid(json("3.5")))
        XCTAssertTrue(schema.validate(json("\"x\"")).isEmpty)
    }

    func testUnevaluatedPropertiesSuggestsNamesFromAppliedSchemas() throws {
        let schema = try compile(#"""
        {
          "$defs": {"base": {"properties": {"keyMoments": {"type": "array"}, "title": {"type": "string"}}}},
          "$ref": "#/$defs/base",
          "properties": {"summary": {"type": "string"}},
          "unevaluatedProperties": false
        }
        """#)
        let text = #"{"title": "t", "Summary": "s", "keymoment": []}"#
        let errors = schema.validate(json(text))
        XCTAssertEqual(errors.map(\.message), ["unknown property \"Summary\"", "unknown property \"keymoment\""])
        XCTAssertEqual(errors.map(\.suggestion), ["did you mean \"summary\"?", "did you mean \"keyMoments\"?"])
        XCTAssertEqual(errors.map(\.keyword), ["unevaluatedProperties", "unevaluatedProperties"])
        XCTAssertEqual(errors.map(\.instanceOffset), [offset(of: "\"Summary\"", in: text), offset(of: "\"keymoment\"", in: text)])
        XCTAssertEqual(errors.map(\.instancePath), ["/Summary", "/keymoment"])
    }

    func testNoSuggestionWhenNothingIsClose() throws {
        let schema = try compile(#"{"properties": {"title": {}}, "additionalProperties": false}"#)
        let errors = schema.validate(json(#"{"zzzzzzzz": 1}"#))
        XCTAssertEqual(errors.count, 1)
        XCTAssertNil(errors[0].suggestion)
    }

    func testPropertyNamesErrorsPointAtTheKey() throws {
        let schema = try compile(#"{"propertyNames": {"pattern": "^[a-z]+$"}}"#)
        let text = #"{"good": 1, "Bad": 2}"#
        let errors = schema.validate(json(text))
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors[0].instanceOffset, offset(of: "\"Bad\"", in: text))
        XCTAssertEqual(errors[0].notes, ["in the property name \"Bad\""])
    }

    func testInstancePathsAreEscaped() throws {
        let schema = try compile(#"{"additionalProperties": {"type": "string"}}"#)
        let errors = schema.validate(json(#"{"a/b~c": 1}"#))
        XCTAssertEqual(errors.map(\.instancePath), ["/a~1b~0c"])
    }

    func testArrayAndNumberMessages() throws {
        let schema = try compile(#"""
        {"type": "array", "minItems": 4, "uniqueItems": true, "items": {"multipleOf": 0.5, "exclusiveMaximum": 10}}
        """#)
        let text = "[1, 1.25, 1, 10]"
        let errors = schema.validate(json(text))
        XCTAssertEqual(errors.map(\.message), [
            "1.25 is not a multiple of 0.5",
            "items 0 and 2 of the array are equal; items must be unique",
            "10 is not less than the exclusive maximum 10",
        ])
        XCTAssertEqual(errors.map(\.instancePath), ["/1", "/2", "/3"])
        let short = schema.validate(json("[1]"))
        XCTAssertEqual(short.map(\.message), ["the array has 1 item, fewer than the minimum 4"])
    }

    func testStringLengthCountsCodePoints() throws {
        let schema = try compile(#"{"maxLength": 2, "minLength": 2}"#)
        XCTAssertTrue(schema.isValid(json(#""😀😀""#)), "two code points (four UTF-16 units)")
        XCTAssertFalse(schema.isValid(json(#""😀""#)))
        // "e" + COMBINING ACUTE ACCENT is one Character but two code points.
        XCTAssertTrue(schema.isValid(JSONNode(.string("e\u{301}"))))
        let errors = schema.validate(json(#""abc""#))
        XCTAssertEqual(errors.map(\.message), ["\"abc\" is too long: 3 characters, the maximum is 2"])
    }

    func testMultipleOfIsExactOnDecimals() throws {
        let small = try compile(#"{"multipleOf": 0.0001}"#)
        XCTAssertTrue(small.isValid(json("0.0075")))
        XCTAssertTrue(small.isValid(json("12391239123")))
        XCTAssertFalse(small.isValid(json("0.00751")))
        let cents = try compile(#"{"multipleOf": 0.01}"#)
        XCTAssertTrue(cents.isValid(json("19.99")))
        XCTAssertTrue(cents.isValid(json("1e3")))
        let odd = try compile(#"{"type": "integer", "multipleOf": 0.123456789}"#)
        XCTAssertFalse(odd.isValid(json("1e308")))
    }

    func testDependentRequiredAndContainsMessages() throws {
        let schema = try compile(#"""
        {"dependentRequired": {"start": ["end"]}, "properties": {"tags": {"contains": {"const": "x"}, "maxContains": 1}}}
        """#)
        let errors = schema.validate(json(#"{"start": 1, "tags": ["x", "x"]}"#))
        XCTAssertEqual(errors.map(\.message), [
            "missing property \"end\", required when \"start\" is present",
            "the array contains 2 matching items, more than the maximum 1",
        ])
        XCTAssertEqual(errors.map(\.keyword), ["dependentRequired", "maxContains"])
        XCTAssertEqual(errors.last?.keywordLocation, "#/properties/tags/maxContains")
    }

    func testDependentSchemasErrorsSayWhyTheyApply() throws {
        let schema = try compile(#"{"dependentSchemas": {"video": {"required": ["duration"]}}}"#)
        let errors = schema.validate(json(#"{"video": "v.mp4"}"#))
        XCTAssertEqual(errors.map(\.message), ["missing required property \"duration\""])
        XCTAssertEqual(errors.first?.notes, ["this rule applies because \"video\" is present (dependentSchemas at #/dependentSchemas)"])
    }

    func testMissingRequiredSuggestsAMisspelledKey() throws {
        let schema = try compile(#"{"required": ["summary"]}"#)
        let errors = schema.validate(json(#"{"sumary": "x"}"#))
        XCTAssertEqual(errors.first?.suggestion, "is \"sumary\" a misspelling of \"summary\"?")
    }

    // MARK: References, resolver, documents

    func testResolverServesSiblingDocuments() throws {
        let documents: [String: String] = [
            "file:///schemas/common.json": #"{"$defs": {"slug": {"type": "string", "pattern": "^[a-z-]+$"}}}"#,
        ]
        let parsed = documents.mapValues { json($0) }
        let compiler = SchemaCompiler(resolver: { uri in parsed[uri] })
        let schema = try compiler.compile(
            json(#"{"properties": {"slug": {"$ref": "common.json#/$defs/slug"}}}"#), baseURI: "file:///schemas/article.json")
        let errors = schema.validate(json(#"{"slug": "Not A Slug"}"#))
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.keywordLocation, "file:///schemas/common.json#/$defs/slug/pattern")
        XCTAssertTrue(schema.isValid(json(#"{"slug": "a-slug"}"#)))
    }

    func testReferencesToTheMetaschemaWork() throws {
        let schema = try compile(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#)
        XCTAssertTrue(schema.isValid(json(#"{"type": "string"}"#)))
        XCTAssertFalse(schema.isValid(json(#"{"type": 12}"#)))
    }

    // MARK: Compile errors

    func testUnresolvableReferenceIsACompileError() throws {
        let text = ##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##
        XCTAssertThrowsError(try SchemaCompiler().compile(json(text))) { error in
            guard let error = error as? SchemaCompileError else { return XCTFail("wrong error \(error)") }
            XCTAssertEqual(error.kind, .unresolvableReference(reference: "#/$defs/missing", resolved: "urn:assess:schema#/$defs/missing"))
            XCTAssertEqual(error.keywordLocation, "#/properties/a/$ref")
            XCTAssertEqual(error.offset, offset(of: "\"#/$defs/missing\"", in: text))
            XCTAssertNil(error.documentURI)
            XCTAssertTrue(error.localizedDescription.contains("cannot resolve reference \"#/$defs/missing\""), error.localizedDescription)
        }
    }

    func testInvalidRegexIsACompileError() throws {
        XCTAssertThrowsError(try SchemaCompiler().compile(json(#"{"properties": {"a": {"pattern": "[a-"}}}"#))) { error in
            guard let error = error as? SchemaCompileError, case .invalidRegex(let pattern, _) = error.kind else {
                return XCTFail("wrong error \(error)")
            }
            XCTAssertEqual(pattern, "[a-")
            XCTAssertEqual(error.keywordLocation, "#/properties/a/pattern")
        }
    }

    func testWrongKeywordTypesAreCompileErrors() throws {
        for (text, keyword) in [
            (#"{"minLength": "3"}"#, "minLength"), (#"{"required": "a"}"#, "required"),
            (#"{"type": "strin"}"#, "type"), (#"{"properties": []}"#, "properties"), (#"{"allOf": []}"#, "allOf"),
            (#"{"$ref": 3}"#, "$ref"),
        ] {
            XCTAssertThrowsError(try SchemaCompiler().compile(json(text)), text) { error in
                guard let error = error as? SchemaCompileError, case .invalidKeywordValue(let name, _) = error.kind else {
                    return XCTFail("wrong error \(error) for \(text)")
                }
                XCTAssertEqual(name, keyword)
                XCTAssertEqual(error.keywordLocation, "#/" + keyword)
            }
        }
    }

    func testReferenceCycleIsACompileError() throws {
        let text = ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##
        XCTAssertThrowsError(try SchemaCompiler().compile(json(text))) { error in
            guard let error = error as? SchemaCompileError, case .referenceCycle = error.kind else {
                return XCTFail("wrong error \(error)")
            }
            XCTAssertTrue(error.keywordLocation.hasPrefix("#/$defs/"), error.keywordLocation)
            XCTAssertGreaterThan(error.offset, 0)
        }
        // Recursion through a child value is fine.
        XCTAssertNoThrow(try SchemaCompiler().compile(json(##"{"items": {"$ref": "#"}}"##)))
    }

    func testSchemaDocumentsAreCheckedAgainstTheMetaschema() throws {
        let text = """
        {
          "type": "object",
          "properties": {"title": {"type": "strin"}},
          "minLength": -1
        }
        """
        let errors = SchemaCompiler.validateSchemaDocument(json(text))
        XCTAssertFalse(errors.isEmpty)
        let paths = Set(errors.map(\.instancePath))
        XCTAssertTrue(paths.contains("/properties/title/type"), "\(errors)")
        XCTAssertTrue(paths.contains("/minLength"), "\(errors)")
        let typeError = errors.first { $0.instancePath == "/properties/title/type" }
        XCTAssertEqual(typeError?.instanceOffset, offset(of: "\"strin\"", in: text))
        XCTAssertTrue(SchemaCompiler.validateSchemaDocument(json(Self.articleSchema)).isEmpty)
        // A misspelt type name: one error, with a suggestion; no branch-by-branch dump.
        let typeErrors = errors.filter { $0.instancePath == "/properties/title/type" }
        XCTAssertEqual(typeErrors.count, 1, "\(typeErrors)")
        XCTAssertEqual(typeErrors.first?.suggestion, "did you mean \"string\"?")
        // Every vocabulary meta-schema checks "type": reported once, not eight times.
        let itemsErrors = SchemaCompiler.validateSchemaDocument(json(#"{"items": [{"type": "string"}]}"#))
        XCTAssertEqual(itemsErrors.map(\.message), ["expected object or boolean, found array"])
        XCTAssertEqual(itemsErrors.first?.instancePath, "/items")
    }

    // MARK: Robustness

    func testDeepInstancesAndLoopsDoNotCrash() throws {
        let schema = try compile(##"{"items": {"$ref": "#"}, "type": "array"}"##)
        var deep = JSONNode(.array([]))
        for _ in 0..<5000 { deep = JSONNode(.array([deep])) }
        XCTAssertFalse(schema.isValid(deep))
        let errors = schema.validate(deep)
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].message.contains("deeper than"), errors[0].message)

        // A reference loop that never consumes the instance ends at the depth limit.
        let looping = try compile(##"{"anyOf": [{"$ref": "#"}, {"type": "string"}]}"##)
        XCTAssertTrue(looping.isValid(json(#""x""#)))
        XCTAssertFalse(looping.isValid(json("1")))
        XCTAssertFalse(looping.validate(json("1")).isEmpty)
    }

    func testFailingDeepRecursiveAlternativesStayShortAndFast() throws {
        // Each level's failure is explained through the closest alternative, which holds the
        // next level's failure: explanations nest only a few levels deep.
        let schema = try compile(##"{"anyOf": [{"type": "string"}, {"type": "array", "items": {"$ref": "#"}}]}"##)
        var deep = JSONNode(.number(JSONNumber(1)))
        for _ in 0..<200 { deep = JSONNode(.array([deep])) }
        let start = Date()
        let errors = schema.validate(deep)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertFalse(errors.isEmpty)
        XCTAssertLessThan(errors.count, 20, "\(errors.count) errors")
        XCTAssertFalse(schema.isValid(deep))
    }

    func testValidatesFromManyThreadsAtOnce() throws {
        let schema = try compile(Self.articleSchema, options: ValidationOptions(formatAssertion: true))
        let instances: [JSONNode] = (0..<64).map { index in
            index % 2 == 0
                ? json(#"{"title": "T\#(index)", "summary": "S", "status": "draft", "slug": "a-\#(index)"}"#)
                : json(#"{"title": \#(index), "status": "reviewed", "slug": "Bad \#(index)", "keyMoment": []}"#)
        }
        let expected = instances.map { schema.validate($0) }
        let results = UnsafeResults(count: instances.count * 8)
        DispatchQueue.concurrentPerform(iterations: instances.count * 8) { iteration in
            let instance = instances[iteration % instances.count]
            results.set(iteration, (schema.validate(instance), schema.isValid(instance)))
        }
        for iteration in 0..<instances.count * 8 {
            let (errors, valid) = results.get(iteration)
            XCTAssertEqual(errors, expected[iteration % instances.count])
            XCTAssertEqual(valid, expected[iteration % instances.count].isEmpty)
        }
        XCTAssertTrue(expected[0].isEmpty)
        XCTAssertEqual(expected[1].count, 5, "\(expected[1])")
    }
}

/// Per-iteration result slots written from concurrentPerform (each slot by one iteration only).
private final class UnsafeResults: @unchecked Sendable {
    private var slots: [([ValidationError], Bool)]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ([], false), count: count) }

    func set(_ index: Int, _ value: ([ValidationError], Bool)) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> ([ValidationError], Bool) {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
