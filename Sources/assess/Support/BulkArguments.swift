/// Takes the file arguments of `assess validate` aside before argument parsing.
///
/// swift-argument-parser's parsing time grows with the square of the number of
/// arguments (seconds for 10,000 paths), while `validate` is run on tens of
/// thousands of files. The first path stays in place so the command's own checks
/// see it; the rest are appended after parsing, in their order.
enum BulkArguments {
    /// Options of `validate` that take a value as the next argument.
    static let valueOptions: Set<String> = ["--repo", "--format", "--schema"]
    /// Below this many arguments, parsing is fast and nothing is taken aside.
    static let threshold = 64

    static func split(_ arguments: [String]) -> (parse: [String], later: [String]) {
        guard arguments.count > threshold, arguments.first == "validate" else { return (arguments, []) }
        var parse = [arguments[0]]
        var later: [String] = []
        var keptFirstPath = false
        var index = 1
        var afterDashes = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !afterDashes, argument == "--" {
                afterDashes = true
                parse.append(argument)
                continue
            }
            if !afterDashes, argument.hasPrefix("-"), argument.count > 1 {
                parse.append(argument)
                if valueOptions.contains(argument), index < arguments.count {
                    parse.append(arguments[index])
                    index += 1
                }
                continue
            }
            if keptFirstPath {
                later.append(argument)
            } else {
                parse.append(argument)
                keptFirstPath = true
            }
        }
        return (parse, later)
    }
}
