import AssessJSON

/// Which properties / items of one instance value the schemas applied so far have
/// evaluated (the annotations that `unevaluatedProperties` / `unevaluatedItems` read).
struct Annotations {
    var properties: [Bool]
    var items: [Bool]

    init(_ node: JSONNode) {
        switch node.value {
        case .object(let object):
            properties = [Bool](repeating: false, count: object.count)
            items = []
        case .array(let array):
            properties = []
            items = [Bool](repeating: false, count: array.count)
        default:
            properties = []
            items = []
        }
    }

    mutating func merge(_ other: Annotations) {
        for index in other.properties.indices where other.properties[index] { properties[index] = true }
        for index in other.items.indices where other.items[index] { items[index] = true }
    }
}

enum PathToken {
    case key(String)
    case index(Int)
}

/// The state of one validation run. Not shared between threads: each call to
/// `validate` / `isValid` makes its own.
final class EvaluationContext {
    let schema: Schema
    let nodes: [CompiledNode]
    /// Whether errors are being collected (false while probing `anyOf` branches, `not`, `if`, `contains`).
    var collecting: Bool
    var errors: [ValidationError] = []
    var path: [PathToken] = []
    /// Dynamic scope: the schema resources entered, outermost first.
    var scope: [Int] = []
    var depth = 0
    var reportedDepth = false
    /// How many `anyOf` / `oneOf` failures are being explained, one inside the other.
    var explaining = 0
    let maxDepth: Int
    let usesDynamicScope: Bool
    /// The schema's node headers and keywords (valid while `schema` is held).
    let headers: UnsafeMutableBufferPointer<NodeHeader>
    let keywordRefs: UnsafeMutableBufferPointer<Unmanaged<Keyword>>
    let fastAssertions: UnsafeMutableBufferPointer<FastAssertion>

    init(schema: Schema, collecting: Bool) {
        self.schema = schema
        self.headers = schema.headers
        self.keywordRefs = schema.keywordRefs
        self.fastAssertions = schema.fastAssertions
        self.usesDynamicScope = schema.usesDynamicScope
        self.nodes = schema.nodes
        self.collecting = collecting
        self.maxDepth = schema.options.maxEvaluationDepth
    }

    var instancePath: String {
        var result = ""
        for token in path {
            result += "/"
            switch token {
            case .key(let key): result += JSONPointer.escape(key)
            case .index(let index): result += String(index)
            }
        }
        return result
    }

    @inline(never)
    func report(
        _ keyword: Keyword, _ instance: JSONNode, _ message: String, expected: String? = nil, found: String? = nil,
        offset: Int? = nil, suggestion: String? = nil, name: String? = nil, location: String? = nil,
        notes: [String] = []
    ) {
        errors.append(ValidationError(
            instanceOffset: offset ?? instance.offset, instancePath: instancePath,
            keywordLocation: location ?? keyword.location, keyword: name ?? keyword.name, message: message,
            expected: expected, found: found ?? renderJSON(instance), suggestion: suggestion, notes: notes))
    }

    @inline(__always)
    func isFalse(_ index: Int) -> Bool { headers[index].boolValue == 0 }

    // MARK: Evaluation

    /// Evaluates node `index` against `instance`. When `annotations` is non-nil the
    /// caller wants to know which properties / items were evaluated.
    func evaluate(_ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        let header = headers[index]
        if header.boolValue >= 0 {
            let value = header.boolValue == 1
            if !value && collecting { reportFalseSchema(index, instance) }
            return value
        }
        if header.assertionsOnly && depth < maxDepth {
            return checkAssertions(header, instance)
        }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth {
            if collecting && !reportedDepth { reportDepth(index, instance) }
            return false
        }
        let resource = Int(header.resource)
        let entered = usesDynamicScope && scope.last != resource
        if entered { scope.append(resource) }
        defer { if entered { scope.removeLast() } }
        if header.hasUnevaluated {
            return evaluateCollecting(header, instance, &annotations)
        }
        return evaluateKeywords(header, instance, &annotations)
    }

    /// A node with `unevaluated*`: its keywords see only their own annotations, which then join the caller's.
    @inline(never)
    private func evaluateCollecting(_ header: NodeHeader, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        var local: Annotations? = Annotations(instance)
        let valid = evaluateKeywords(header, instance, &local)
        if annotations != nil, let local { annotations!.merge(local) }
        return valid
    }

    /// A node of assertions only: each keyword checked directly, with nothing to enter or annotate.
    @inline(never)
    private func checkAssertions(_ header: NodeHeader, _ instance: JSONNode) -> Bool {
        var valid = true
        let start = Int(header.keywordStart)
        for position in start..<(start + Int(header.keywordCount)) {
            if fastAssertions[position].holds(for: instance) { continue }
            if keywordRefs[position]._withUnsafeGuaranteedRef({ checkAssertion($0, instance) }) { continue }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    /// True when every keyword of node `index` (assertions only) holds for the member's value by
    /// its quick form; false means "not decided here".
    @inline(__always)
    private func holdsQuickly(_ index: Int, at member: UnsafePointer<JSONMember>) -> Bool {
        let header = headers[index]
        let start = Int(header.keywordStart)
        let value = UnsafeRawPointer(member).advanced(by: Self.valueOffset).assumingMemoryBound(to: JSONNode.self)
        for position in start..<(start + Int(header.keywordCount)) where !fastAssertions[position].holds(at: value) {
            return false
        }
        return true
    }

    private static let valueOffset = MemoryLayout<JSONMember>.offset(of: \JSONMember.value)!

    @inline(never)
    private func evaluateKeywords(_ header: NodeHeader, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        var valid = true
        let start = Int(header.keywordStart)
        for position in start..<(start + Int(header.keywordCount)) {
            if keywordRefs[position]._withUnsafeGuaranteedRef({ evaluateKeyword($0, instance, &annotations) }) { continue }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    @inline(never)
    private func reportFalseSchema(_ index: Int, _ instance: JSONNode) {
        errors.append(ValidationError(
            instanceOffset: instance.offset, instancePath: instancePath, keywordLocation: nodes[index].location,
            keyword: "false", message: "no value is allowed here (the schema is false)", found: renderJSON(instance)))
    }

    @inline(never)
    private func reportDepth(_ index: Int, _ instance: JSONNode) {
        reportedDepth = true
        errors.append(ValidationError(
            instanceOffset: instance.offset, instancePath: instancePath, keywordLocation: nodes[index].location,
            keyword: "depth",
            message: "validation went deeper than \(maxDepth) levels: the value is nested too deeply, or the schema's references loop without consuming it"))
    }

    private func evaluateKeyword(_ keyword: Keyword, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        switch keyword.kind {
        case .ref(let target):
            return evaluate(target, instance, &annotations)
        case .dynamicRef(let target, let anchor):
            return evaluate(schema.resolve(target, anchor: anchor, scope: scope), instance, &annotations)
        case .allOf(let children):
            var valid = true
            for child in children where !evaluate(child, instance, &annotations) {
                valid = false
                if !collecting { return false }
            }
            return valid
        case .anyOf(let children):
            return evaluateAnyOf(keyword, children, instance, &annotations)
        case .oneOf(let children):
            return evaluateOneOf(keyword, children, instance, &annotations)
        case .not(let child):
            return evaluateNot(keyword, child, instance)
        case .conditional(let condition, let thenBranch, let elseBranch, let note):
            return evaluateConditional(condition, thenBranch, elseBranch, note, instance, &annotations)
        case .dependentSchemas(let dependencies):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for (name, child) in dependencies where object.hasExactKey(name) {
                let start = errors.count
                if !evaluate(child, instance, &annotations) {
                    valid = false
                    if !collecting { return false }
                    for index in start..<errors.count {
                        errors[index].notes.append("this rule applies because \(quoteJSON(name)) is present (\(keyword.name) at \(keyword.location))")
                    }
                }
            }
            return valid
        case .properties(let map):
            guard case .object(let object) = instance.value else { return true }
            return evaluateProperties(keyword, map, object, &annotations)
        case .patternProperties(let patterns):
            guard case .object(let object) = instance.value else { return true }
            return evaluatePatternProperties(patterns, object, &annotations)
        case .additionalProperties(let child, let names, let patterns):
            guard case .object(let object) = instance.value else { return true }
            return evaluateAdditionalProperties(keyword, child, names, patterns, object, &annotations)
        case .closedProperties(let map, let properties, let additional, let additionalKeyword):
            guard case .object(let object) = instance.value else { return true }
            return evaluateClosedProperties(map, properties, additional, additionalKeyword, object, &annotations)
        case .unevaluatedProperties(let child):
            guard case .object(let object) = instance.value else { return true }
            return evaluateUnevaluatedProperties(keyword, child, object, &annotations)
        case .propertyNames(let child):
            guard case .object(let object) = instance.value else { return true }
            return evaluatePropertyNames(keyword, child, object)
        case .prefixItems(let children):
            guard case .array(let items) = instance.value else { return true }
            return evaluatePrefixItems(children, items, &annotations)
        case .items(let child, let prefixCount):
            guard case .array(let items) = instance.value else { return true }
            return evaluateItems(keyword, child, prefixCount, items, &annotations)
        case .unevaluatedItems(let child):
            guard case .array(let items) = instance.value else { return true }
            return evaluateUnevaluatedItems(keyword, child, items, &annotations)
        case .contains:
            guard case .array(let items) = instance.value else { return true }
            return evaluateContains(keyword, items, instance, &annotations)
        default:
            return keyword.fast.holds(for: instance) || checkAssertion(keyword, instance)
        }
    }

    // MARK: Applicators

    /// Evaluates one member value against `child` (pushing its path), or reports a `false` schema.
    /// The path is kept only while errors are collected: a probe (collecting off) never
    /// turns collecting back on below it, so nothing reads the path it would have built.
    private func evaluateMember(_ child: Int, _ member: JSONMember) -> Bool {
        withUnsafePointer(to: member) { evaluateMember(child, at: $0) }
    }

    /// `evaluateMember` for a member read in place (from its object's storage: no copy).
    private func evaluateMember(_ child: Int, at member: UnsafePointer<JSONMember>) -> Bool {
        var none: Annotations? = nil
        guard collecting else {
            // A probe of a node of quick assertions reads the value where it lies.
            if headers[child].assertionsOnly && depth < maxDepth, holdsQuickly(child, at: member) { return true }
            return evaluate(child, member.pointee.value, &none)
        }
        path.append(.key(member.pointee.key))
        defer { path.removeLast() }
        return evaluate(child, member.pointee.value, &none)
    }

    private func evaluateElement(_ child: Int, _ index: Int, _ item: JSONNode) -> Bool {
        var none: Annotations? = nil
        guard collecting else { return evaluate(child, item, &none) }
        path.append(.index(index))
        defer { path.removeLast() }
        return evaluate(child, item, &none)
    }

    @inline(never)
    private func evaluateProperties(
        _ keyword: Keyword, _ map: PropertyTable, _ object: JSONObject, _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        for position in object.members.indices {
            guard let child = map.value(for: object.members[position].key) else { continue }
            if annotations != nil { annotations!.properties[position] = true }
            if isFalse(child) {
                if collecting { reportForbiddenProperty(keyword, object.members[position]) }
            } else if evaluateMember(child, object.members[position]) {
                continue
            }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    @inline(never)
    private func reportForbiddenProperty(_ keyword: Keyword, _ member: JSONMember) {
        path.append(.key(member.key))
        report(keyword, member.value, "property \(quoteJSON(member.key)) is not allowed",
               found: renderJSON(member.value), offset: member.keyOffset,
               location: keyword.location + "/" + JSONPointer.escape(member.key))
        path.removeLast()
    }

    @inline(never)
    private func evaluatePatternProperties(
        _ patterns: [(CompiledRegex, Int)], _ object: JSONObject, _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        for position in object.members.indices {
            for (regex, child) in patterns where regex.matches(object.members[position].key) {
                if annotations != nil { annotations!.properties[position] = true }
                if !evaluateMember(child, object.members[position]) {
                    valid = false
                    if !collecting { return false }
                }
            }
        }
        return valid
    }

    @inline(never)
    private func evaluateAdditionalProperties(
        _ keyword: Keyword, _ child: Int, _ names: PropertyTable, _ patterns: [CompiledRegex], _ object: JSONObject,
        _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        for position in object.members.indices {
            let key = object.members[position].key
            if names.contains(key) || patterns.contains(where: { $0.matches(key) }) { continue }
            if annotations != nil { annotations!.properties[position] = true }
            if isFalse(child) {
                if collecting { reportUnknownProperty(keyword, object.members[position], object, candidates: names.names.sorted()) }
            } else if evaluateMember(child, object.members[position]) {
                continue
            }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    @inline(never)
    private func evaluateClosedProperties(
        _ map: PropertyTable, _ properties: Keyword, _ additional: Int, _ additionalKeyword: Keyword, _ object: JSONObject,
        _ annotations: inout Annotations?
    ) -> Bool {
        let additionalIsFalse = isFalse(additional)
        // Members are read in place from their storage: no copy of a key or value per member.
        return object.members.withUnsafeBufferPointer { members in
            var valid = true
            for position in members.indices {
                if annotations != nil { annotations!.properties[position] = true }
                if let child = map.value(for: members[position].key) {
                    if isFalse(child) {
                        if collecting { reportForbiddenProperty(properties, members[position]) }
                    } else if evaluateMember(child, at: members.baseAddress! + position) {
                        continue
                    }
                } else if additionalIsFalse {
                    if collecting {
                        reportUnknownProperty(additionalKeyword, members[position], object, candidates: map.names.sorted())
                    }
                } else if evaluateMember(additional, at: members.baseAddress! + position) {
                    continue
                }
                valid = false
                if !collecting { return false }
            }
            return valid
        }
    }

    @inline(never)
    private func evaluateUnevaluatedProperties(
        _ keyword: Keyword, _ child: Int, _ object: JSONObject, _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        for position in object.members.indices {
            if let annotations, annotations.properties[position] { continue }
            if annotations != nil { annotations!.properties[position] = true }
            if isFalse(child) {
                if collecting {
                    reportUnknownProperty(keyword, object.members[position], object, candidates: knownPropertyNames(near: keyword))
                }
            } else if evaluateMember(child, object.members[position]) {
                continue
            }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    @inline(never)
    private func evaluatePropertyNames(_ keyword: Keyword, _ child: Int, _ object: JSONObject) -> Bool {
        var valid = true
        for member in object.members {
            let name = JSONNode(.string(member.key), offset: member.keyOffset)
            if isFalse(child) {
                if collecting {
                    path.append(.key(member.key))
                    report(keyword, name, "property \(quoteJSON(member.key)) is not allowed (no property names are)")
                    path.removeLast()
                }
                valid = false
                if !collecting { return false }
                continue
            }
            let start = errors.count
            if !evaluateMember(child, JSONMember(key: member.key, keyOffset: member.keyOffset, value: name)) {
                valid = false
                if !collecting { return false }
            }
            for index in start..<errors.count {
                errors[index].notes.append("in the property name \(quoteJSON(member.key))")
            }
        }
        return valid
    }

    @inline(never)
    private func reportUnknownProperty(_ keyword: Keyword, _ member: JSONMember, _ object: JSONObject, candidates: [String]) {
        let present = Set(object.keys)
        let suggestion = nearestName(to: member.key, in: candidates.filter { !present.contains($0) })
        path.append(.key(member.key))
        report(keyword, member.value, "unknown property \(quoteJSON(member.key))",
               found: quoteJSON(member.key), offset: member.keyOffset,
               suggestion: suggestion.map { "did you mean \(quoteJSON($0))?" })
        path.removeLast()
    }

    /// Property names declared by the schema object holding `keyword` and by the
    /// schemas it applies in place (`allOf`, `$ref`, `then`, ...): the names that
    /// `unevaluatedProperties` would have accepted.
    @inline(never)
    private func knownPropertyNames(near keyword: Keyword) -> [String] {
        guard let owner = nodes.firstIndex(where: { node in node.keywords.contains { $0 === keyword } })
        else { return [] }
        var names = Set<String>()
        var visited = Set<Int>()
        var stack = [owner]
        while let index = stack.popLast() {
            guard visited.insert(index).inserted else { continue }
            for child in nodes[index].keywords {
                switch child.kind {
                case .properties(let map), .closedProperties(let map, _, _, _): names.formUnion(map.names)
                case .ref(let target), .dynamicRef(let target, _), .not(let target): stack.append(target)
                case .allOf(let list), .anyOf(let list), .oneOf(let list): stack.append(contentsOf: list)
                case .conditional(let condition, let thenBranch, let elseBranch, _):
                    stack.append(condition)
                    if let thenBranch { stack.append(thenBranch) }
                    if let elseBranch { stack.append(elseBranch) }
                case .dependentSchemas(let list): stack.append(contentsOf: list.map(\.1))
                default: break
                }
            }
        }
        return names.sorted()
    }

    @inline(never)
    private func evaluatePrefixItems(_ children: [Int], _ items: [JSONNode], _ annotations: inout Annotations?) -> Bool {
        var valid = true
        for index in children.indices where index < items.count {
            if annotations != nil { annotations!.items[index] = true }
            if !evaluateElement(children[index], index, items[index]) {
                valid = false
                if !collecting { return false }
            }
        }
        return valid
    }

    @inline(never)
    private func evaluateItems(
        _ keyword: Keyword, _ child: Int, _ prefixCount: Int, _ items: [JSONNode], _ annotations: inout Annotations?
    ) -> Bool {
        guard prefixCount < items.count else { return true }
        var valid = true
        for index in prefixCount..<items.count {
            if annotations != nil { annotations!.items[index] = true }
            if isFalse(child) {
                if collecting { reportExtraItem(keyword, index, items[index], prefixCount: prefixCount) }
            } else if evaluateElement(child, index, items[index]) {
                continue
            }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    @inline(never)
    private func evaluateUnevaluatedItems(
        _ keyword: Keyword, _ child: Int, _ items: [JSONNode], _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        for index in items.indices {
            if let annotations, annotations.items[index] { continue }
            if annotations != nil { annotations!.items[index] = true }
            if isFalse(child) {
                if collecting { reportExtraItem(keyword, index, items[index], prefixCount: nil) }
            } else if evaluateElement(child, index, items[index]) {
                continue
            }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    @inline(never)
    private func reportExtraItem(_ keyword: Keyword, _ index: Int, _ item: JSONNode, prefixCount: Int?) {
        path.append(.index(index))
        defer { path.removeLast() }
        guard let prefixCount else {
            report(keyword, item, "unexpected item at index \(index): no schema allows it")
            return
        }
        report(keyword, item,
               prefixCount == 0
                   ? "unexpected item at index \(index): the array must be empty"
                   : "unexpected item at index \(index): at most \(plural(prefixCount, "item")) allowed",
               expected: "at most \(plural(prefixCount, "item"))")
    }

    @inline(never)
    private func evaluateContains(
        _ keyword: Keyword, _ items: [JSONNode], _ instance: JSONNode, _ annotations: inout Annotations?
    ) -> Bool {
        guard case .contains(let child, let minimum, let maximum, let minLocation, let maxLocation) = keyword.kind else {
            return true
        }
        var valid = true
        let saved = collecting
        collecting = false
        var count = 0
        for (index, item) in items.enumerated() where evaluateElement(child, index, item) {
            count += 1
            if annotations != nil { annotations!.items[index] = true }
            // Without annotations to collect and no maximum, enough is enough.
            if annotations == nil, maximum == nil, count >= minimum, !saved { break }
        }
        collecting = saved
        if count < minimum {
            if collecting {
                if count == 0 && minimum == 1 {
                    report(keyword, instance, "the array does not contain a matching item (see \(keyword.location))",
                           expected: "an item matching \(keyword.location)", found: describeFound(instance))
                } else {
                    report(keyword, instance,
                           "the array contains \(plural(count, "matching item")), fewer than the minimum \(minimum)",
                           expected: "at least \(plural(minimum, "matching item"))", found: plural(count, "matching item"),
                           name: minLocation == nil ? "contains" : "minContains", location: minLocation)
                }
            }
            valid = false
        }
        if let maximum, count > maximum {
            if collecting {
                report(keyword, instance,
                       "the array contains \(plural(count, "matching item")), more than the maximum \(maximum)",
                       expected: "at most \(plural(maximum, "matching item"))", found: plural(count, "matching item"),
                       name: "maxContains", location: maxLocation)
            }
            valid = false
        }
        return valid
    }

    @inline(never)
    private func evaluateNot(_ keyword: Keyword, _ child: Int, _ instance: JSONNode) -> Bool {
        let saved = collecting
        collecting = false
        var none: Annotations? = nil
        let matched = evaluate(child, instance, &none)
        collecting = saved
        if matched && collecting {
            report(keyword, instance, "\(subject(instance)) must not match the schema at \(keyword.location)")
        }
        return !matched
    }

    @inline(never)
    private func evaluateConditional(
        _ condition: Int, _ thenBranch: Int?, _ elseBranch: Int?, _ note: ConditionNote, _ instance: JSONNode,
        _ annotations: inout Annotations?
    ) -> Bool {
        if thenBranch == nil && elseBranch == nil && annotations == nil { return true }
        let saved = collecting
        collecting = false
        var local: Annotations? = annotations != nil ? Annotations(instance) : nil
        let matched = evaluate(condition, instance, &local)
        collecting = saved
        if matched, let local { annotations!.merge(local) }
        guard let branch = matched ? thenBranch : elseBranch else { return true }
        let start = errors.count
        let valid = evaluate(branch, instance, &annotations)
        if collecting && errors.count > start {
            let reason: String
            if matched {
                reason = note.whenMatched.map { "because \($0) (if at \(note.ifLocation))" }
                    ?? "because the condition at \(note.ifLocation) matched"
            } else {
                reason = note.whenNotMatched.map { "because \($0) (if at \(note.ifLocation))" }
                    ?? "because the condition at \(note.ifLocation) did not match"
            }
            for index in start..<errors.count {
                let keyword = errors[index].keyword
                let verb = keyword == "required" || keyword == "dependentRequired" ? "required" : "this rule applies"
                errors[index].notes.append("\(verb) \(reason)")
            }
        }
        return valid
    }

    @inline(never)
    private func evaluateAnyOf(_ keyword: Keyword, _ children: [Int], _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        let saved = collecting
        collecting = false
        var matched = false
        var none: Annotations? = nil
        for child in children {
            if annotations != nil {
                var local: Annotations? = Annotations(instance)
                if evaluate(child, instance, &local) {
                    matched = true
                    annotations!.merge(local!)
                }
            } else if evaluate(child, instance, &none) {
                matched = true
                break
            }
        }
        collecting = saved
        if !matched && collecting {
            reportNoMatch(keyword, children, instance, &annotations)
        }
        return matched
    }

    @inline(never)
    private func evaluateOneOf(_ keyword: Keyword, _ children: [Int], _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        let saved = collecting
        collecting = false
        var matches: [Int] = []
        var matchedAnnotations: Annotations?
        for (position, child) in children.enumerated() {
            var local: Annotations? = annotations != nil ? Annotations(instance) : nil
            if evaluate(child, instance, &local) {
                matches.append(position)
                if matches.count == 1 { matchedAnnotations = local }
                if matches.count > 1 && !saved { break }
            }
        }
        collecting = saved
        if matches.count == 1 {
            if let matchedAnnotations { annotations!.merge(matchedAnnotations) }
            return true
        }
        if collecting {
            if matches.isEmpty {
                reportNoMatch(keyword, children, instance, &annotations)
            } else {
                let names = matches.map { nodes[children[$0]].location }
                report(keyword, instance,
                       "\(subject(instance)) matches \(matches.count) alternatives of oneOf (\(names.joined(separator: ", "))); exactly one must match",
                       expected: "exactly one matching alternative", found: "\(matches.count) matching alternatives")
            }
        }
        return false
    }

    /// Reports an `anyOf` / `oneOf` that no alternative matched: one error at the
    /// instance, plus the errors of the alternative that came closest.
    @inline(never)
    private func reportNoMatch(_ keyword: Keyword, _ children: [Int], _ instance: JSONNode, _ annotations: inout Annotations?) {
        let here = instancePath
        // Explaining re-evaluates every alternative with errors on; nested explanations
        // multiply, so past a few levels only the summary is given.
        guard explaining < 6 else {
            report(keyword, instance,
                   "\(subject(instance)) does not match any of the \(children.count) alternatives of \(keyword.name)",
                   expected: "a match for one alternative of \(keyword.location)", found: describeFound(instance))
            return
        }
        explaining += 1
        defer { explaining -= 1 }
        let saved = errors
        var results: [(errors: [ValidationError], annotations: Annotations?)] = []
        for child in children {
            errors = []
            var local: Annotations? = annotations != nil ? Annotations(instance) : nil
            _ = evaluate(child, instance, &local)
            results.append((errors, local))
        }
        errors = saved
        let kind = keyword.name

        func isRootTypeError(_ error: ValidationError) -> Bool { error.keyword == "type" && error.instancePath == here }
        func isValueError(_ error: ValidationError) -> Bool { error.keyword == "const" || error.keyword == "enum" }

        // Every alternative wants another type: one "expected A or B" error.
        if results.allSatisfy({ $0.errors.contains(where: isRootTypeError) }) {
            var expected: [String] = []
            for result in results {
                guard let typeError = result.errors.first(where: isRootTypeError) else { continue }
                for name in (typeError.expected ?? "").components(separatedBy: " or ") where !expected.contains(name) {
                    expected.append(name)
                }
            }
            let list = expected.joined(separator: " or ")
            report(keyword, instance, "expected \(list), found \(describeFound(instance))", expected: list)
            return
        }
        // The alternatives of the right type.
        let candidates = results.indices.filter { !results[$0].errors.contains(where: isRootTypeError) }

        // Every such alternative wants other values (const / enum) at one place, here or
        // deeper (a discriminator like "kind"): one "is not one of" error there.
        var sharedError: ValidationError?
        for candidate in results[candidates[0]].errors where isValueError(candidate) {
            if candidates.allSatisfy({ results[$0].errors.contains { isValueError($0) && $0.instancePath == candidate.instancePath } }) {
                sharedError = candidate
                break
            }
        }
        if let sharedError,
           sharedError.instancePath == here ? candidates.allSatisfy({ results[$0].errors.count == 1 }) : true
        {
            let sharedPath = sharedError.instancePath
            var values: [String] = []
            for position in candidates {
                for error in results[position].errors where isValueError(error) && error.instancePath == sharedPath {
                    let expected = error.expected ?? ""
                    let items = expected.hasPrefix("one of ") ? splitRenderedList(String(expected.dropFirst(7))) : [expected]
                    for item in items where !values.contains(item) { values.append(item) }
                }
            }
            let found = sharedError.found ?? "the value"
            var error = ValidationError(
                instanceOffset: sharedError.instanceOffset, instancePath: sharedPath, keywordLocation: keyword.location,
                keyword: kind, message: "\(found) is not one of \(values.joined(separator: ", "))",
                expected: "one of \(values.joined(separator: ", "))", found: found)
            if sharedPath != here {
                error.notes.append("this value selects among the alternatives of \(kind) at \(keyword.location); none accepts it")
            }
            error.suggestion = suggestValue(found, values)
            errors.append(error)
            return
        }

        // Otherwise: the closest alternative, and its errors.
        func depthOf(_ pointer: String) -> Int { pointer.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
        // Among the alternatives of the right type: fewest failed const / enum checks
        // (discriminators), then fewest errors, then the one that got deepest into the value.
        var best = candidates[0]
        var bestScore: (Int, Int, Int)?
        for position in candidates {
            let result = results[position]
            let discriminating = result.errors.filter(isValueError).count
            let deepest = result.errors.map { depthOf($0.instancePath) }.max() ?? 0
            let score = (discriminating, result.errors.count, -deepest)
            if bestScore == nil || score < bestScore! {
                bestScore = score
                best = position
            }
        }
        let closest = nodes[children[best]].location
        report(keyword, instance,
               "\(subject(instance)) does not match any of the \(children.count) alternatives of \(kind)",
               expected: "a match for one alternative of \(keyword.location)", found: describeFound(instance),
               notes: ["closest alternative: \(closest)"])
        for var error in results[best].errors {
            error.notes.append("closest alternative: \(closest)")
            errors.append(error)
        }
        if annotations != nil, let closestAnnotations = results[best].annotations {
            annotations!.merge(closestAnnotations)
        }
    }

    // MARK: Assertions

    @inline(never)
    func checkAssertion(_ keyword: Keyword, _ instance: JSONNode) -> Bool {
        switch keyword.kind {
        case .type(let types, let names):
            if types.matches(instance) { return true }
            if collecting {
                let list = names.joined(separator: " or ")
                report(keyword, instance, "expected \(list), found \(describeFound(instance))", expected: list)
            }
            return false
        case .enumeration(let values):
            if values.contains(where: { instanceEquals($0, instance) }) { return true }
            if collecting {
                let rendered = values.prefix(20).map { renderJSON($0) }
                let list = rendered.joined(separator: ", ") + (values.count > 20 ? ", …" : "")
                let found = renderJSON(instance)
                var message = "\(found) is not one of \(list)"
                if values.isEmpty { message = "no value is allowed (the enum is empty)" }
                report(keyword, instance, message, expected: "one of \(list)", found: found,
                       suggestion: suggestValue(found, rendered))
            }
            return false
        case .const(let value):
            if instanceEquals(value, instance) { return true }
            if collecting {
                let expected = renderJSON(value)
                report(keyword, instance, "expected \(expected), found \(renderJSON(instance))", expected: expected,
                       suggestion: suggestValue(renderJSON(instance), [expected]))
            }
            return false
        case .multipleOf(let divisor):
            guard case .number(let number) = instance.value else { return true }
            if isMultiple(number, of: divisor) { return true }
            if collecting {
                report(keyword, instance, "\(number.literal) is not a multiple of \(divisor.literal)",
                       expected: "a multiple of \(divisor.literal)")
            }
            return false
        case .minimum(let limit):
            guard case .number(let number) = instance.value else { return true }
            if compareNumbers(number, limit) >= 0 { return true }
            if collecting {
                report(keyword, instance, "\(number.literal) is less than the minimum \(limit.literal)",
                       expected: ">= \(limit.literal)")
            }
            return false
        case .exclusiveMinimum(let limit):
            guard case .number(let number) = instance.value else { return true }
            if compareNumbers(number, limit) > 0 { return true }
            if collecting {
                report(keyword, instance, "\(number.literal) is not greater than the exclusive minimum \(limit.literal)",
                       expected: "> \(limit.literal)")
            }
            return false
        case .maximum(let limit):
            guard case .number(let number) = instance.value else { return true }
            if compareNumbers(number, limit) <= 0 { return true }
            if collecting {
                report(keyword, instance, "\(number.literal) is greater than the maximum \(limit.literal)",
                       expected: "<= \(limit.literal)")
            }
            return false
        case .exclusiveMaximum(let limit):
            guard case .number(let number) = instance.value else { return true }
            if compareNumbers(number, limit) < 0 { return true }
            if collecting {
                report(keyword, instance, "\(number.literal) is not less than the exclusive maximum \(limit.literal)",
                       expected: "< \(limit.literal)")
            }
            return false
        case .minLength(let limit):
            guard case .string(let string) = instance.value else { return true }
            // Code points, as JSON Schema counts them.
            if countCodePoints(string, upTo: limit) >= limit { return true }
            let length = countCodePoints(string, upTo: Int.max)
            if collecting {
                report(keyword, instance,
                       "\(renderJSON(instance)) is too short: \(plural(length, "character")), the minimum is \(limit)",
                       expected: "at least \(plural(limit, "character"))")
            }
            return false
        case .maxLength(let limit):
            guard case .string(let string) = instance.value else { return true }
            if string.utf8.count <= limit { return true }
            let length = countCodePoints(string, upTo: Int.max)
            if length <= limit { return true }
            if collecting {
                report(keyword, instance,
                       "\(renderJSON(instance)) is too long: \(plural(length, "character")), the maximum is \(limit)",
                       expected: "at most \(plural(limit, "character"))")
            }
            return false
        case .pattern(let regex, let simple):
            guard case .string(let string) = instance.value else { return true }
            if simple?.matches(string) ?? regex.matches(string) { return true }
            if collecting {
                report(keyword, instance, "\(renderJSON(instance)) does not match pattern \(regex.source)",
                       expected: "a string matching \(regex.source)")
            }
            return false
        case .format(let format, let name):
            guard case .string(let string) = instance.value else { return true }
            if format.isValid(string) { return true }
            if collecting {
                report(keyword, instance, "\(renderJSON(instance)) is not a valid \(name)", expected: "a valid \(name)")
            }
            return false
        case .minItems(let limit):
            guard case .array(let items) = instance.value, items.count < limit else { return true }
            if collecting {
                report(keyword, instance, "the array has \(plural(items.count, "item")), fewer than the minimum \(limit)",
                       expected: "at least \(plural(limit, "item"))", found: plural(items.count, "item"))
            }
            return false
        case .maxItems(let limit):
            guard case .array(let items) = instance.value, items.count > limit else { return true }
            if collecting {
                report(keyword, instance, "the array has \(plural(items.count, "item")), more than the maximum \(limit)",
                       expected: "at most \(plural(limit, "item"))", found: plural(items.count, "item"))
            }
            return false
        case .uniqueItems:
            guard case .array(let items) = instance.value, items.count > 1 else { return true }
            var valid = true
            outer: for second in 1..<items.count {
                for first in 0..<second where instanceEquals(items[first], items[second]) {
                    valid = false
                    guard collecting else { return false }
                    path.append(.index(second))
                    report(keyword, items[second],
                           "items \(first) and \(second) of the array are equal; items must be unique",
                           expected: "unique items")
                    path.removeLast()
                    continue outer
                }
            }
            return valid
        case .minProperties(let limit):
            guard case .object(let object) = instance.value, object.count < limit else { return true }
            if collecting {
                report(keyword, instance, "the object has \(plural(object.count, "property", "properties")), fewer than the minimum \(limit)",
                       expected: "at least \(plural(limit, "property", "properties"))", found: plural(object.count, "property", "properties"))
            }
            return false
        case .maxProperties(let limit):
            guard case .object(let object) = instance.value, object.count > limit else { return true }
            if collecting {
                report(keyword, instance, "the object has \(plural(object.count, "property", "properties")), more than the maximum \(limit)",
                       expected: "at most \(plural(limit, "property", "properties"))", found: plural(object.count, "property", "properties"))
            }
            return false
        case .required(let names, let table):
            guard case .object(let object) = instance.value else { return true }
            if hasAll(table, object) { return true }
            var valid = true
            for name in names where !object.hasExactKey(name) {
                valid = false
                guard collecting else { return false }
                let suggestion = nearestName(to: name, in: object.keys).map { "is \(quoteJSON($0)) a misspelling of \(quoteJSON(name))?" }
                report(keyword, instance, "missing required property \(quoteJSON(name))", expected: quoteJSON(name),
                       found: describeFound(instance), suggestion: suggestion)
            }
            return valid
        case .dependentRequired(let dependencies):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for (trigger, names) in dependencies where object.hasExactKey(trigger) {
                for name in names where !object.hasExactKey(name) {
                    valid = false
                    guard collecting else { return false }
                    report(keyword, instance, "missing property \(quoteJSON(name)), required when \(quoteJSON(trigger)) is present",
                           expected: quoteJSON(name), found: describeFound(instance),
                           location: keyword.location + "/" + JSONPointer.escape(trigger))
                }
            }
            return valid
        default:
            return true
        }
    }

    /// For a string value close to one of the allowed (rendered) string values.
    @inline(never)
    private func suggestValue(_ found: String, _ allowed: [String]) -> String? {
        guard found.hasPrefix("\""), found.count > 2 else { return nil }
        let strings = allowed.filter { $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count >= 2 }
        let bare = String(found.dropFirst().dropLast())
        guard let nearest = nearestName(to: bare, in: strings.map { String($0.dropFirst().dropLast()) }) else { return nil }
        return "did you mean \(quoteJSON(nearest))?"
    }
}

/// The number of code points in `string`, counting stops once it reaches `limit`: UTF-8
/// bytes that are not continuation bytes (10xxxxxx), one per scalar.
@inline(__always)
func countCodePoints(_ string: String, upTo limit: Int) -> Int {
    var copy = string
    return copy.withUTF8 { bytes in
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            count += 1
            if count >= limit { return count }
        }
        return count
    }
}

/// Splits `"a", "b, c", 3` (rendered JSON values joined by ", ") back into its items.
func splitRenderedList(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    var inString = false
    var escaped = false
    var depth = 0
    var iterator = text.makeIterator()
    while let character = iterator.next() {
        if inString {
            current.append(character)
            if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            continue
        }
        switch character {
        case "\"": inString = true; current.append(character)
        case "[", "{": depth += 1; current.append(character)
        case "]", "}": depth -= 1; current.append(character)
        case "," where depth == 0:
            items.append(current.trimmingSpaces())
            current = ""
        default: current.append(character)
        }
    }
    if !current.trimmingSpaces().isEmpty { items.append(current.trimmingSpaces()) }
    return items
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var result = Substring(self)
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
