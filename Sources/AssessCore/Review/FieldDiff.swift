import AssessJSON

/// The field-level diff `assess review` prints: what changed between the
/// version of an assessment at HEAD and the one about to be committed.
///
/// * Objects are compared member by member; member order is not a change.
/// * Arrays of objects with an identifying field are matched by it, not by
///   position: `keyMoments` by `at` (then `label`), `reviewers` by `email`
///   (then `name`), `captionCorrections` by `heard` (then `correct`). Elements
///   gained or lost are listed in one `added` / `removed` change for the
///   array; edits inside a matched element are reported at
///   `keyMoments[00:41:10].score`. Reordering alone is not a change.
/// * Arrays of strings (`emphases`, `tags`) are compared as sets.
/// * Other arrays are compared by index.
/// * Prose (see `WordDiff.isProse`) that changed gets a word-level diff.
/// * A new file (`old` nil) lists every top-level field as added; a deleted
///   file (`new` nil) is one removal of the whole file.
///
/// Changes come in the order of the new version's members, removed members
/// after the members that remain.
public enum FieldDiff {
    /// How the elements of an array of objects are matched between versions.
    public struct ArrayKey: Sendable {
        /// The identifying member (`at`); its value names the element in display paths.
        public var primary: String
        /// A second member that identifies an element whose primary value was edited (`label`).
        public var secondary: String?

        public init(primary: String, secondary: String? = nil) {
            self.primary = primary
            self.secondary = secondary
        }
    }

    /// Keyed arrays of an assessment file, by top-level member name.
    public static let assessmentArrayKeys: [String: ArrayKey] = [
        "keyMoments": ArrayKey(primary: "at", secondary: "label"),
        "reviewers": ArrayKey(primary: "email", secondary: "name"),
        "captionCorrections": ArrayKey(primary: "heard", secondary: "correct"),
    ]

    /// Display name of the whole file in `field`-less contexts.
    public static let wholeFile = "(file)"

    /// Length of the `old`/`new` excerpts that accompany a word diff.
    static let excerptLength = 60

    public static func diff(old: JSONNode?, new: JSONNode?) -> [FieldChange] {
        switch (old, new) {
        case (nil, nil):
            return []
        case (nil, let new?):
            guard let object = new.objectValue else {
                return [FieldChange(path: "", field: "", kind: .added, new: ReviewValueText.json(new))]
            }
            return object.members.map { member in
                FieldChange(
                    path: JSONPointer.root.appending(member.key).description,
                    field: ReviewValueText.child("", member.key), kind: .added,
                    new: ReviewValueText.json(member.value))
            }
        case (let old?, nil):
            return [FieldChange(path: "", field: "", kind: .removed, old: ReviewValueText.json(old, limit: 120))]
        case (let old?, let new?):
            var differ = Differ()
            differ.compare(old, new, pointer: .root, field: "", depth: 0)
            return differ.changes
        }
    }

    private struct Differ {
        var changes: [FieldChange] = []

        mutating func compare(_ old: JSONNode, _ new: JSONNode, pointer: JSONPointer, field: String, depth: Int) {
            if old.jsonEquals(new) { return }
            guard depth < 64 else { return scalar(old, new, pointer: pointer, field: field) }
            switch (old.value, new.value) {
            case (.object(let a), .object(let b)):
                objects(a, b, pointer: pointer, field: field, depth: depth)
            case (.array(let a), .array(let b)):
                arrays(a, b, pointer: pointer, field: field, depth: depth)
            case (.string(let a), .string(let b)) where WordDiff.isProse(a) || WordDiff.isProse(b):
                changes.append(
                    FieldChange(
                        path: pointer.description, field: field, kind: .changed,
                        old: ReviewValueText.json(old, limit: excerptLength),
                        new: ReviewValueText.json(new, limit: excerptLength),
                        words: WordDiff.diff(old: a, new: b)))
            default:
                scalar(old, new, pointer: pointer, field: field)
            }
        }

        mutating func scalar(_ old: JSONNode, _ new: JSONNode, pointer: JSONPointer, field: String) {
            var delta: String?
            if let a = old.numberValue, let b = new.numberValue { delta = ReviewValueText.delta(old: a, new: b) }
            changes.append(
                FieldChange(
                    path: pointer.description, field: field, kind: .changed,
                    old: ReviewValueText.json(old), new: ReviewValueText.json(new), delta: delta))
        }

        mutating func objects(_ old: JSONObject, _ new: JSONObject, pointer: JSONPointer, field: String, depth: Int) {
            for member in new.members {
                let memberPointer = pointer.appending(member.key)
                let memberField = ReviewValueText.child(field, member.key)
                if let before = old.members.first(where: { $0.key.utf8.elementsEqual(member.key.utf8) }) {
                    compare(before.value, member.value, pointer: memberPointer, field: memberField, depth: depth + 1)
                } else {
                    changes.append(
                        FieldChange(
                            path: memberPointer.description, field: memberField, kind: .added,
                            new: ReviewValueText.json(member.value)))
                }
            }
            for member in old.members where !new.members.contains(where: { $0.key.utf8.elementsEqual(member.key.utf8) }) {
                changes.append(
                    FieldChange(
                        path: pointer.appending(member.key).description, field: ReviewValueText.child(field, member.key),
                        kind: .removed, old: ReviewValueText.json(member.value)))
            }
        }

        mutating func arrays(_ old: [JSONNode], _ new: [JSONNode], pointer: JSONPointer, field: String, depth: Int) {
            let all = old + new
            if pointer.tokens.count == 1, let key = assessmentArrayKeys[pointer.tokens[0]],
                all.allSatisfy({ $0.objectValue != nil })
            {
                keyed(old, new, key: key, pointer: pointer, field: field, depth: depth)
            } else if all.allSatisfy({ $0.stringValue != nil }) {
                strings(old, new, pointer: pointer, field: field)
            } else {
                indexed(old, new, pointer: pointer, field: field, depth: depth)
            }
        }

        mutating func indexed(_ old: [JSONNode], _ new: [JSONNode], pointer: JSONPointer, field: String, depth: Int) {
            for index in 0..<min(old.count, new.count) {
                compare(
                    old[index], new[index], pointer: pointer.appending(index),
                    field: ReviewValueText.index(field, index), depth: depth + 1)
            }
            for index in old.count..<max(old.count, new.count) {
                changes.append(
                    FieldChange(
                        path: pointer.appending(index).description, field: ReviewValueText.index(field, index),
                        kind: .added, new: ReviewValueText.json(new[index])))
            }
            for index in new.count..<max(old.count, new.count) {
                changes.append(
                    FieldChange(
                        path: pointer.appending(index).description, field: ReviewValueText.index(field, index),
                        kind: .removed, old: ReviewValueText.json(old[index])))
            }
        }

        /// Arrays of strings as multisets: `emphases: +grokking, -control`.
        mutating func strings(_ old: [JSONNode], _ new: [JSONNode], pointer: JSONPointer, field: String) {
            func counts(_ items: [JSONNode]) -> [[UInt8]: Int] {
                var counts: [[UInt8]: Int] = [:]
                for item in items { counts[Array(item.stringValue!.utf8), default: 0] += 1 }
                return counts
            }
            func item(_ index: Int, _ string: String) -> FieldChange.Item {
                FieldChange.Item(
                    path: pointer.appending(index).description, summary: ReviewValueText.display(string),
                    value: JSONWriter.quoted(string))
            }
            var oldCounts = counts(old)
            var newCounts = counts(new)
            var added: [FieldChange.Item] = []
            var removed: [FieldChange.Item] = []
            for (index, node) in new.enumerated() {
                let string = node.stringValue!
                let bytes = Array(string.utf8)
                if let count = oldCounts[bytes], count > 0 {
                    oldCounts[bytes] = count - 1
                } else {
                    added.append(item(index, string))
                }
            }
            for (index, node) in old.enumerated() {
                let string = node.stringValue!
                let bytes = Array(string.utf8)
                if let count = newCounts[bytes], count > 0 {
                    newCounts[bytes] = count - 1
                } else {
                    removed.append(item(index, string))
                }
            }
            if added.isEmpty && removed.isEmpty { return }  // reordered only
            let kind: FieldChange.Kind = removed.isEmpty ? .added : (added.isEmpty ? .removed : .changed)
            changes.append(
                FieldChange(
                    path: pointer.description, field: field, kind: kind,
                    old: ReviewValueText.json(JSONNode(.array(old))), new: ReviewValueText.json(JSONNode(.array(new))),
                    added: added.isEmpty ? nil : added, removed: removed.isEmpty ? nil : removed))
        }

        /// Arrays of objects matched by an identifying member.
        mutating func keyed(
            _ old: [JSONNode], _ new: [JSONNode], key: ArrayKey, pointer: JSONPointer, field: String, depth: Int
        ) {
            func value(_ node: JSONNode, _ name: String?) -> String? {
                guard let name, let member = node[name] else { return nil }
                if let string = member.stringValue { return "s" + string }
                return "j" + ReviewValueText.json(member, limit: 200)
            }
            var matchOfOld = [Int?](repeating: nil, count: old.count)
            var matchOfNew = [Int?](repeating: nil, count: new.count)

            /// Pairs unmatched elements whose identity (by `identity`) is equal, in order.
            func match(_ identity: (JSONNode) -> String?) {
                var waiting: [String: [Int]] = [:]
                for (index, node) in old.enumerated() where matchOfOld[index] == nil {
                    if let id = identity(node) { waiting[id, default: []].append(index) }
                }
                for (index, node) in new.enumerated() where matchOfNew[index] == nil {
                    guard let id = identity(node), var queue = waiting[id], !queue.isEmpty else { continue }
                    let partner = queue.removeFirst()
                    waiting[id] = queue
                    matchOfOld[partner] = index
                    matchOfNew[index] = partner
                }
            }
            match { node in
                guard let primary = value(node, key.primary) else { return nil }
                return primary + "\u{0}" + (value(node, key.secondary) ?? "")
            }
            match { value($0, key.primary) }
            if key.secondary != nil { match { value($0, key.secondary) } }
            // Elements without their identifying member pair up in order among themselves.
            match { value($0, key.primary) == nil ? "" : nil }

            func item(_ node: JSONNode, at index: Int) -> FieldChange.Item {
                FieldChange.Item(
                    path: pointer.appending(index).description, key: node[key.primary].map(keyText),
                    summary: summary(node, array: pointer.tokens.first ?? "", key: key),
                    value: ReviewValueText.json(node))
            }
            let added = new.indices.filter { matchOfNew[$0] == nil }.map { item(new[$0], at: $0) }
            let removed = old.indices.filter { matchOfOld[$0] == nil }.map { item(old[$0], at: $0) }
            if !added.isEmpty {
                changes.append(FieldChange(path: pointer.description, field: field, kind: .added, added: added))
            }
            if !removed.isEmpty {
                changes.append(FieldChange(path: pointer.description, field: field, kind: .removed, removed: removed))
            }
            for (index, node) in new.enumerated() {
                guard let partner = matchOfNew[index] else { continue }
                let elementField =
                    node[key.primary].map { ReviewValueText.keyed(field, keyText($0)) }
                    ?? ReviewValueText.index(field, index)
                compare(old[partner], node, pointer: pointer.appending(index), field: elementField, depth: depth + 1)
            }
        }

        func keyText(_ node: JSONNode) -> String {
            node.stringValue ?? ReviewValueText.json(node, limit: 60)
        }

        /// A short description of an element gained or lost.
        func summary(_ node: JSONNode, array: String, key: ArrayKey) -> String {
            func text(_ name: String) -> String? { node[name]?.stringValue }
            func quoted(_ name: String, limit: Int = 60) -> String? {
                text(name).map { JSONWriter.quoted(ReviewValueText.truncate($0, limit: limit)) }
            }
            var parts: [String] = []
            switch array {
            case "keyMoments":
                if let at = node["at"] { parts.append(ReviewValueText.display(keyText(at))) }
                if let score = node["score"] { parts.append("score " + ReviewValueText.json(score, limit: 20)) }
                if let label = quoted("label") { parts.append(label) }
            case "reviewers":
                if let name = text("name") { parts.append(ReviewValueText.truncate(name, limit: 48)) }
                if let email = text("email") { parts.append("<" + ReviewValueText.truncate(email, limit: 80) + ">") }
                if let date = node["reviewedOn"] { parts.append("on " + ReviewValueText.display(keyText(date))) }
            case "captionCorrections":
                if let heard = quoted("heard") { parts.append(heard) }
                if let correct = quoted("correct") { parts.append("-> " + correct) }
                if let at = node["at"] { parts.append("at " + ReviewValueText.display(keyText(at))) }
            default:
                break
            }
            return parts.isEmpty ? ReviewValueText.json(node, limit: 60) : parts.joined(separator: " ")
        }
    }
}
