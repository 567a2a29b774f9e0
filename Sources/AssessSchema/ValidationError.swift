import Foundation

/// How a compiled schema validates.
public struct ValidationOptions: Sendable, Equatable {
    /// When true, `format` asserts (date, date-time, time, duration, email, uri,
    /// uri-reference, uuid, ipv4, ipv6, hostname, json-pointer, regex). By default it is
    /// an annotation only, as draft 2020-12 says.
    public var formatAssertion: Bool
    /// Deepest nesting of schema evaluations (each `$ref`, applicator and child value
    /// counts one). Protects against `$ref` loops that never consume the instance and
    /// against very deep instances; exceeding it is reported as an error.
    public var maxEvaluationDepth: Int

    public init(formatAssertion: Bool = false, maxEvaluationDepth: Int = 600) {
        self.formatAssertion = formatAssertion
        self.maxEvaluationDepth = maxEvaluationDepth
    }
}

/// One reason why an instance does not conform to a schema.
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// Byte offset of the offending value in the instance source. For an unknown
    /// property it is the offset of the property's KEY; for a missing required property
    /// it is the offset of the object.
    public var instanceOffset: Int
    /// JSON Pointer (RFC 6901) to the offending value ("" for the root).
    public var instancePath: String
    /// Where the failing keyword is in the schema: `#/properties/status/enum` for the
    /// root schema document, `<document URI>#/pointer` for a keyword in another document.
    public var keywordLocation: String
    /// The failing keyword (`required`, `enum`, `additionalProperties`, `anyOf`, ...).
    public var keyword: String
    /// A clear, user-facing sentence.
    public var message: String
    /// What the schema wanted, short (e.g. `string`, `one of "a", "b"`).
    public var expected: String?
    /// What the instance has, as short JSON (truncated when long).
    public var found: String?
    /// A likely fix, e.g. `did you mean "keyMoments"?`.
    public var suggestion: String?
    /// Context, e.g. why a conditional requirement applies or which `anyOf` branch was closest.
    public var notes: [String]

    public init(
        instanceOffset: Int, instancePath: String, keywordLocation: String, keyword: String, message: String,
        expected: String? = nil, found: String? = nil, suggestion: String? = nil, notes: [String] = []
    ) {
        self.instanceOffset = instanceOffset
        self.instancePath = instancePath
        self.keywordLocation = keywordLocation
        self.keyword = keyword
        self.message = message
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
        self.notes = notes
    }

    public var description: String {
        var text = "\(instancePath.isEmpty ? "(root)" : instancePath): \(message) [\(keywordLocation)]"
        if let suggestion { text += " (\(suggestion))" }
        for note in notes { text += "; note: \(note)" }
        return text
    }
}

/// A problem in the schema itself, found while compiling it.
public struct SchemaCompileError: Error, LocalizedError, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A `$ref` / `$dynamicRef` whose target cannot be found (the reference as written, and as resolved).
        case unresolvableReference(reference: String, resolved: String)
        /// A `pattern` or `patternProperties` key that is not a valid regular expression.
        case invalidRegex(pattern: String, reason: String)
        /// A keyword whose value has the wrong type or range.
        case invalidKeywordValue(keyword: String, expected: String)
        /// A schema that is neither an object nor a boolean.
        case invalidSchema(found: String)
        /// `$vocabulary` of the meta-schema requires a vocabulary this validator does not know.
        case unsupportedVocabulary(String)
        /// `$ref` / `allOf` chains that lead back to their start on the same value (the keyword location given).
        case referenceCycle(String)
    }

    public var kind: Kind
    /// Location of the offending keyword (`#/properties/a/$ref`, or `<uri>#/...` in another document).
    public var keywordLocation: String
    /// URI of the schema document that holds the problem; nil for the root document.
    public var documentURI: String?
    /// Byte offset of the offending value in that document's source.
    public var offset: Int

    public init(kind: Kind, keywordLocation: String, documentURI: String?, offset: Int) {
        self.kind = kind
        self.keywordLocation = keywordLocation
        self.documentURI = documentURI
        self.offset = offset
    }

    public var message: String {
        switch kind {
        case .unresolvableReference(let reference, let resolved):
            if reference == resolved {
                return "cannot resolve reference \"\(reference)\""
            }
            return "cannot resolve reference \"\(reference)\" (resolved to \(resolved))"
        case .invalidRegex(let pattern, let reason):
            return "invalid regular expression \(pattern): \(reason)"
        case .invalidKeywordValue(let keyword, let expected):
            return "invalid value for \"\(keyword)\": expected \(expected)"
        case .invalidSchema(let found):
            return "a schema must be an object or a boolean, found \(found)"
        case .unsupportedVocabulary(let uri):
            return "the meta-schema requires the unsupported vocabulary \(uri)"
        case .referenceCycle(let reference):
            return "the references through \(reference) loop back to where they started without validating anything"
        }
    }

    public var description: String { "\(keywordLocation): \(message)" }
    public var errorDescription: String? { description }
}
