/// Writes JSON values as text.
///
/// The output is stable: members keep their stored order, every array element
/// and object member goes on its own line, empty containers are `[]` and `{}`,
/// numbers are written as their `literal`, and the text ends with a newline.
/// Parsing the output gives back the same value (`jsonEquals`, and the same
/// member order and number literals).
public enum JSONWriter {
    /// Pretty-prints a value with `indent` spaces per level. An `indent` of 0
    /// or less writes compact JSON on one line (still ending with a newline).
    public static func write(_ node: JSONNode, indent: Int = 2) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(node, indent: max(0, indent), into: &output)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// A string as a JSON string literal, quotes included.
    public static func quoted(_ string: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count + 2)
        appendString(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private enum Container {
        case array([JSONNode])
        case object([JSONMember])

        var count: Int {
            switch self {
            case .array(let items): return items.count
            case .object(let members): return members.count
            }
        }
    }

    /// Writes without recursion, so values of any depth are safe.
    private static func write(_ root: JSONNode, indent: Int, into output: inout [UInt8]) {
        var stack: [(container: Container, next: Int)] = []
        let pretty = indent > 0

        func newline(depth: Int) {
            guard pretty else { return }
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
        }

        /// Writes a scalar or an empty container, or opens a container and pushes it.
        func begin(_ node: JSONNode) {
            switch node.value {
            case .null: output.append(contentsOf: "null".utf8)
            case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
            case .number(let number):
                // Numbers built in code can be non-finite; JSON cannot say so.
                if number.double.isFinite {
                    output.append(contentsOf: number.literal.utf8)
                } else {
                    output.append(contentsOf: "null".utf8)
                }
            case .string(let string): appendString(string, to: &output)
            case .array(let items):
                if items.isEmpty {
                    output.append(contentsOf: "[]".utf8)
                } else {
                    output.append(UInt8(ascii: "["))
                    stack.append((.array(items), 0))
                }
            case .object(let object):
                if object.members.isEmpty {
                    output.append(contentsOf: "{}".utf8)
                } else {
                    output.append(UInt8(ascii: "{"))
                    stack.append((.object(object.members), 0))
                }
            }
        }

        begin(root)
        while let top = stack.last {
            let depth = stack.count
            if top.next < top.container.count {
                if top.next > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: depth)
                stack[stack.count - 1].next += 1
                switch top.container {
                case .array(let items):
                    begin(items[top.next])
                case .object(let members):
                    let member = members[top.next]
                    appendString(member.key, to: &output)
                    output.append(UInt8(ascii: ":"))
                    if pretty { output.append(UInt8(ascii: " ")) }
                    begin(member.value)
                }
            } else {
                stack.removeLast()
                newline(depth: depth - 1)
                switch top.container {
                case .array: output.append(UInt8(ascii: "]"))
                case .object: output.append(UInt8(ascii: "}"))
                }
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Appends a quoted, escaped string: `"` and `\` and control characters
    /// are escaped; everything else, `/` and non-ASCII included, is kept.
    private static func appendString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20:
                output.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
                ])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
