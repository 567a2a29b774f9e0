import AssessJSON

extension Schema {
    /// True when the value conforms: the answer `isValid(_:)` gives for the tree of the same
    /// text, reached without building that tree. Values are read in place from the tape; an
    /// assertion the tape cannot settle at once, and any schema that collects annotations
    /// (`unevaluated*`), is decided by the tree evaluator on that one value, built for it.
    public func isValid(_ instance: JSONTape.Value) -> Bool {
        instance.withReader { reader, index in
            TapeProbe(schema: self, reader: reader).evaluate(root, index)
        }
    }
}

/// One `isValid` run over a tape. Mirrors `EvaluationContext.evaluate` with errors off: the same
/// depth limit, dynamic scope and short cuts, so that both always agree. Not shared between threads.
final class TapeProbe {
    let schema: Schema
    let reader: JSONTapeReader
    let headers: UnsafeMutableBufferPointer<NodeHeader>
    let keywordRefs: UnsafeMutableBufferPointer<Unmanaged<Keyword>>
    let fastAssertions: UnsafeMutableBufferPointer<FastAssertion>
    let maxDepth: Int
    let usesDynamicScope: Bool
    var depth = 0
    /// Dynamic scope: the schema resources entered, outermost first.
    var scope: [Int] = []
    /// The tree evaluator, made when a value needs it.
    private var tree: EvaluationContext?

    init(schema: Schema, reader: JSONTapeReader) {
        self.schema = schema
        self.reader = reader
        headers = schema.headers
        keywordRefs = schema.keywordRefs
        fastAssertions = schema.fastAssertions
        maxDepth = schema.options.maxEvaluationDepth
        usesDynamicScope = schema.usesDynamicScope
    }

    @inline(__always)
    private func isFalse(_ node: Int) -> Bool { headers[node].boolValue == 0 }

    /// Node `node` against the value at `value`.
    func evaluate(_ node: Int, _ value: Int) -> Bool {
        let header = headers[node]
        if header.boolValue >= 0 { return header.boolValue == 1 }
        if header.assertionsOnly && depth < maxDepth { return checkAssertions(header, value) }
        if header.hasUnevaluated { return evaluateByTree(node, value) }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth { return false }
        let resource = Int(header.resource)
        let entered = usesDynamicScope && scope.last != resource
        if entered { scope.append(resource) }
        defer { if entered { scope.removeLast() } }
        let start = Int(header.keywordStart)
        for position in start..<(start + Int(header.keywordCount)) {
            let holds = keywordRefs[position]._withUnsafeGuaranteedRef { evaluateKeyword($0, position, node, value) }
            if !holds { return false }
        }
        return true
    }

    /// `evaluate` by the tree evaluator, in the same state, for the value built as a tree.
    @inline(never)
    private func evaluateByTree(_ node: Int, _ value: Int) -> Bool {
        evaluateByTree(node, reader.node(value))
    }

    /// `evaluate` by the tree evaluator, in the same state, for `instance`.
    private func evaluateByTree(_ node: Int, _ instance: JSONNode) -> Bool {
        let context = treeContext()
        context.depth = depth
        context.scope = scope
        var none: Annotations? = nil
        return context.evaluate(node, instance, &none)
    }

    private func treeContext() -> EvaluationContext {
        if let tree { return tree }
        let context = EvaluationContext(schema: schema, collecting: false)
        tree = context
        return context
    }

    @inline(__always)
    private func checkAssertions(_ header: NodeHeader, _ value: Int) -> Bool {
        let start = Int(header.keywordStart)
        for position in start..<(start + Int(header.keywordCount)) where !holds(position, value) {
            return false
        }
        return true
    }

    /// Assertion keyword `position` for the value: its quick form on the tape, else the tree
    /// evaluator's own check of the value built as a tree.
    @inline(__always)
    private func holds(_ position: Int, _ value: Int) -> Bool {
        let assertion = fastAssertions[position]
        if quicklyHolds(assertion, value) { return true }
        if surelyFails(assertion, value) { return false }
        return checkByTree(position, value)
    }

    /// For an assertion whose quick form did not hold: true when it fails, decided exactly on
    /// the tape (the checks that count or compare bytes); false when the general form must say.
    /// A probe of `if` or `anyOf` fails often, and this spares building the value as a tree.
    @inline(__always)
    private func surelyFails(_ assertion: FastAssertion, _ value: Int) -> Bool {
        let kind = reader.kind(value)
        switch assertion {
        case .type(let types):
            // Not an integer literal with an integral Double: no type that the set has.
            guard kind == .number, types.contains(.integer) else { return true }
            let double = reader.double(value)
            return double != double.rounded(.towardZero)
        case .minItems, .maxItems, .minProperties, .maxProperties, .minLength, .required, .stringEnumeration, .format:
            // The quick form counted or compared exactly, and found the value short of the rule.
            return true
        case .simplePattern(let box):
            return box._withUnsafeGuaranteedRef { $0.pattern.matches(reader.bytes(value)) == false }
        case .general, .minimum, .exclusiveMinimum, .maximum, .exclusiveMaximum, .maxLength, .numberLiteral, .uniqueStrings:
            return false
        }
    }

    @inline(never)
    private func checkByTree(_ position: Int, _ value: Int) -> Bool {
        let context = treeContext()
        return keywordRefs[position]._withUnsafeGuaranteedRef { context.checkAssertion($0, reader.node(value)) }
    }

    /// `FastAssertion.holds(for:)` on the tape: true when the assertion holds, false when the
    /// general form must decide.
    @inline(__always)
    private func quicklyHolds(_ assertion: FastAssertion, _ value: Int) -> Bool {
        let kind = reader.kind(value)
        switch assertion {
        case .general:
            return false
        case .type(let types):
            switch kind {
            case .null: return types.contains(.null)
            case .false, .true: return types.contains(.boolean)
            case .object: return types.contains(.object)
            case .array: return types.contains(.array)
            case .string, .key: return types.contains(.string)
            case .number:
                if types.contains(.number) { return true }
                // An integer literal (no '.', 'e' or 'E') of an integral Double; the rest is
                // decided on the literal by the general form.
                let double = reader.double(value)
                return types.contains(.integer) && double == double.rounded(.towardZero)
                    && !reader.literal(value).contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
            }
        case .minimum(let limit):
            guard kind == .number else { return true }
            let double = reader.double(value)
            return double > limit || (double == limit && isExactlyInteger(limit) && isPlainInteger(reader.literal(value)))
        case .maximum(let limit):
            guard kind == .number else { return true }
            let double = reader.double(value)
            return double < limit || (double == limit && isExactlyInteger(limit) && isPlainInteger(reader.literal(value)))
        case .exclusiveMinimum(let limit):
            return kind != .number || reader.double(value) > limit
        case .exclusiveMaximum(let limit):
            return kind != .number || reader.double(value) < limit
        case .format(let format):
            return kind != .string || format.isValid(bytes: Array(reader.bytes(value)))
        case .minLength(let limit):
            guard kind == .string else { return true }
            return countCodePoints(reader.bytes(value), upTo: limit) >= limit
        case .maxLength(let limit):
            return kind != .string || reader.bytes(value).count <= limit
        case .minItems(let limit):
            return kind != .array || reader.count(value) >= limit
        case .maxItems(let limit):
            return kind != .array || reader.count(value) <= limit
        case .minProperties(let limit):
            return kind != .object || reader.count(value) >= limit
        case .maxProperties(let limit):
            return kind != .object || reader.count(value) <= limit
        case .required(let table):
            guard kind == .object else { return true }
            return table._withUnsafeGuaranteedRef { hasAll($0, value) }
        case .stringEnumeration(let table):
            guard kind == .string else { return false }
            return table._withUnsafeGuaranteedRef { $0.position(of: value, in: reader) != nil }
        case .simplePattern(let box):
            guard kind == .string else { return true }
            return box._withUnsafeGuaranteedRef { $0.pattern.matches(reader.bytes(value)) == true }
        case .numberLiteral(let packed):
            guard kind == .number else { return false }
            let literal = reader.literal(value)
            guard literal.count <= 16 else { return false }
            return JSONTapeReader.pack(literal) == packed
        case .uniqueStrings:
            guard kind == .array else { return true }
            // Element positions, found once.
            let count = reader.count(value)
            guard count <= 32 else { return false }
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(count, 1)) { elements in
                var element = value + 1
                for index in 0..<count {
                    elements[index] = element
                    element = reader.next(after: element)
                }
                return distinctStrings(count: count) { index in
                    reader.kind(elements[index]) == .string
                } same: { first, second in
                    let a = reader.bytes(elements[first]), b = reader.bytes(elements[second])
                    return a.count == b.count && a.elementsEqual(b)
                }
            }
        }
    }

    /// `hasAll(_:_:)` for the object at `object`.
    @inline(__always)
    private func hasAll(_ table: PropertyTable, _ object: Int) -> Bool {
        let wanted = table.names.count
        let count = reader.count(object)
        guard wanted <= 64, count >= wanted else { return false }
        if wanted == 0 { return true }
        var seen: UInt64 = 0
        var key = object + 1
        for _ in 0..<count {
            if let position = table.position(of: key, in: reader) { seen |= 1 << UInt64(position) }
            key = reader.next(after: key + 1)
        }
        return seen.nonzeroBitCount == wanted
    }

    /// Whether the object at `object` has a member named exactly `name` (by code points).
    private func hasExactKey(_ object: Int, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { wanted in
            var key = object + 1
            for _ in 0..<reader.count(object) {
                let bytes = reader.bytes(key)
                if bytes.count == wanted.count && bytes.elementsEqual(wanted) { return true }
                key = reader.next(after: key + 1)
            }
            return false
        }
    }

    // MARK: keywords

    /// Keyword `position` (`keyword`) of node `node` against the value at `value`.
    private func evaluateKeyword(_ keyword: Keyword, _ position: Int, _ node: Int, _ value: Int) -> Bool {
        switch keyword.kind {
        case .ref(let target):
            return evaluate(target, value)
        case .dynamicRef(let target, let anchor):
            return evaluate(schema.resolve(target, anchor: anchor, scope: scope), value)
        case .allOf(let children):
            for child in children where !evaluate(child, value) { return false }
            return true
        case .anyOf(let children):
            for child in children where evaluate(child, value) { return true }
            return false
        case .oneOf(let children):
            var matches = 0
            for child in children where evaluate(child, value) {
                matches += 1
                if matches > 1 { return false }
            }
            return matches == 1
        case .not(let child):
            return !evaluate(child, value)
        case .conditional(let condition, let thenBranch, let elseBranch, _):
            if thenBranch == nil && elseBranch == nil { return true }
            guard let branch = evaluate(condition, value) ? thenBranch : elseBranch else { return true }
            return evaluate(branch, value)
        case .dependentSchemas(let dependencies):
            guard reader.kind(value) == .object else { return true }
            for (name, child) in dependencies where hasExactKey(value, name) {
                if !evaluate(child, value) { return false }
            }
            return true
        case .properties(let map):
            guard reader.kind(value) == .object else { return true }
            return eachMember(of: value) { key in
                guard let child = map.value(for: key, in: reader) else { return true }
                return !isFalse(child) && evaluate(child, key + 1)
            }
        case .patternProperties(let patterns):
            guard reader.kind(value) == .object else { return true }
            return eachMember(of: value) { key in
                let name = reader.string(key)
                for (regex, child) in patterns where regex.matches(name) {
                    if !evaluate(child, key + 1) { return false }
                }
                return true
            }
        case .additionalProperties(let child, let names, let patterns):
            guard reader.kind(value) == .object else { return true }
            return eachMember(of: value) { key in
                if names.position(of: key, in: reader) != nil { return true }
                if !patterns.isEmpty {
                    let name = reader.string(key)
                    if patterns.contains(where: { $0.matches(name) }) { return true }
                }
                return !isFalse(child) && evaluate(child, key + 1)
            }
        case .closedProperties(let map, _, let additional, _):
            guard reader.kind(value) == .object else { return true }
            let additionalIsFalse = isFalse(additional)
            return eachMember(of: value) { key in
                if let child = map.value(for: key, in: reader) {
                    return !isFalse(child) && evaluate(child, key + 1)
                }
                return !additionalIsFalse && evaluate(additional, key + 1)
            }
        case .propertyNames(let child):
            guard reader.kind(value) == .object else { return true }
            if isFalse(child) { return reader.count(value) == 0 }
            // A name is no value of the tape: the tree evaluator checks it as a string.
            return eachMember(of: value) { key in
                evaluateByTree(child, JSONNode(.string(reader.string(key)), offset: reader.offset(key)))
            }
        case .prefixItems(let children):
            guard reader.kind(value) == .array else { return true }
            var element = value + 1
            for index in 0..<min(children.count, reader.count(value)) {
                if !evaluate(children[index], element) { return false }
                element = reader.next(after: element)
            }
            return true
        case .items(let child, let prefixCount):
            guard reader.kind(value) == .array else { return true }
            let count = reader.count(value)
            guard prefixCount < count else { return true }
            if isFalse(child) { return false }
            var element = value + 1
            for index in 0..<count {
                if index >= prefixCount && !evaluate(child, element) { return false }
                element = reader.next(after: element)
            }
            return true
        case .contains(let child, let minimum, let maximum, _, _):
            guard reader.kind(value) == .array else { return true }
            var matched = 0
            var element = value + 1
            for _ in 0..<reader.count(value) {
                if evaluate(child, element) {
                    matched += 1
                    // With no maximum, enough is enough.
                    if maximum == nil && matched >= minimum { break }
                }
                element = reader.next(after: element)
            }
            if matched < minimum { return false }
            if let maximum, matched > maximum { return false }
            return true
        case .unevaluatedProperties, .unevaluatedItems:
            // Nodes with these collect annotations, and `evaluate` gives them to the tree
            // evaluator whole; should one come here all the same, so does this.
            depth -= 1
            defer { depth += 1 }
            return evaluateByTree(node, value)
        default:
            return holds(position, value)
        }
    }

    /// True when `body` holds for every member of the object at `object` (given the index of its
    /// key; the value follows it), stopping at the first that does not.
    @inline(__always)
    private func eachMember(of object: Int, _ body: (Int) -> Bool) -> Bool {
        var key = object + 1
        for _ in 0..<reader.count(object) {
            if !body(key) { return false }
            key = reader.next(after: key + 1)
        }
        return true
    }
}

extension PropertyTable {
    /// The position of the key or string at `index` of a tape among `names`, or nil.
    @inline(__always)
    func position(of index: Int, in reader: JSONTapeReader) -> Int? {
        guard !names.isEmpty else { return nil }
        if let packed = reader.packed(index) { return position(packed.low, packed.high, packed.count) }
        return position(ofBytes: reader.bytes(index))
    }

    @inline(__always)
    func value(for index: Int, in reader: JSONTapeReader) -> Int? {
        position(of: index, in: reader).map { values[$0] }
    }
}

/// `countCodePoints(_:upTo:)` of UTF-8 bytes.
@inline(__always)
func countCodePoints(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 {
        count += 1
        if count >= limit { return count }
    }
    return count
}
