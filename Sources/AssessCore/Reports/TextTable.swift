/// A table for people: columns padded to their widest cell (measured without colour codes),
/// two spaces apart, numbers right-aligned, no trailing spaces.
///
/// Cells are added row by row, each written straight into the table's one buffer of text.
struct TextTable: ~Copyable {
    /// A cell given as a string, painted by a function of its text.
    struct Cell {
        var text: String
        var paint: ((String) -> String)?

        init(_ text: String, paint: ((String) -> String)? = nil) {
            self.text = text
            self.paint = paint
        }
    }

    private enum Paint {
        case none
        case style(TerminalStyle.Paint)
        /// The function at this index of `customPaints`.
        case custom(Int)
    }

    /// Where a cell's text ends in `text`, its width in characters and its paint.
    private struct Span {
        var end: Int
        var width: Int
        var paint: Paint
    }

    /// Columns whose cells are aligned to the right.
    private let rightAligned: [Int]
    /// `rightAligned` as bits, for the first 64 columns.
    private let rightAlignedBits: UInt64
    private let columns: Int
    private var text = TextBuffer(capacity: 256)
    private var cells: [Span] = []
    private var customPaints: [(String) -> String] = []
    /// Where each row's cells end in `cells`; the header is the first row.
    private var rowEnds: [Int] = []

    init(header: [String], rightAligned: [Int] = []) {
        self.rightAligned = rightAligned
        rightAlignedBits = rightAligned.reduce(0) { $1 < 64 ? $0 | 1 << $1 : $0 }
        columns = header.count
        cells.reserveCapacity(8 * columns)
        rowEnds.reserveCapacity(8)
        for title in header { add(title, paint: .bold) }
        endRow()
    }

    init(header: [String], rows: [[Cell]], rightAligned: [Int] = []) {
        self.init(header: header, rightAligned: rightAligned)
        for row in rows {
            for cell in row {
                text.append(cell.text)
                if let paint = cell.paint {
                    customPaints.append(paint)
                    endCell(.custom(customPaints.count - 1))
                } else {
                    endCell(.none)
                }
            }
            endRow()
        }
    }

    /// Adds a cell to the row being filled: `text` with `paint`.
    mutating func add(_ text: String, paint: TerminalStyle.Paint? = nil) {
        self.text.append(text)
        endCell(paint.map(Paint.style) ?? .none)
    }

    /// Adds a cell to the row being filled: what `write` writes, with `paint`.
    mutating func add(paint: TerminalStyle.Paint? = nil, _ write: (inout TextBuffer) -> Void) {
        write(&text)
        endCell(paint.map(Paint.style) ?? .none)
    }

    /// Ends the row being filled.
    mutating func endRow() {
        rowEnds.append(cells.count)
    }

    private mutating func endCell(_ paint: Paint) {
        let start = cells.last?.end ?? 0
        cells.append(Span(end: text.count, width: text.characterCount(from: start), paint: paint))
    }

    /// Writes the table's lines, each after `indent`.
    func write(style: TerminalStyle, indent: String = "", into out: inout TextBuffer) {
        var widths = Array(repeating: 0, count: columns)
        var rowStart = 0
        for rowEnd in rowEnds {
            for index in rowStart..<min(rowEnd, rowStart + columns) {
                widths[index - rowStart] = max(widths[index - rowStart], cells[index].width)
            }
            rowStart = rowEnd
        }
        rowStart = 0
        text.withBytes { text in
            for rowEnd in rowEnds {
                let lineStart = out.count
                if !indent.isEmpty { out.append(indent) }
                var spaces = 0  // owed before the next cell: the padding of the last and the gap between
                for index in rowStart..<rowEnd {
                    let column = index - rowStart, cell = cells[index]
                    let padding = column < columns ? widths[column] - cell.width : 0
                    let right = column < 64 ? rightAlignedBits & 1 << column != 0 : rightAligned.contains(column)
                    if column > 0 { spaces += 2 }
                    if right { spaces += padding }
                    out.appendSpaces(spaces)
                    let bytes = UnsafeBufferPointer(rebasing: text[(index > 0 ? cells[index - 1].end : 0)..<cell.end])
                    switch cell.paint {
                    case .none: out.append(bytes: bytes)
                    case .style(let paint): style.write(paint, into: &out) { $0.append(bytes: bytes) }
                    case .custom(let paint): out.append(customPaints[paint](String(decoding: bytes, as: UTF8.self)))
                    }
                    spaces = right ? 0 : padding
                }
                out.trimTrailingSpaces(from: lineStart)
                out.appendNewline()
                rowStart = rowEnd
            }
        }
    }

    /// The table's lines, each after `indent`.
    func render(style: TerminalStyle, indent: String = "") -> [String] {
        var out = TextBuffer(capacity: text.count * 2)
        write(style: style, indent: indent, into: &out)
        return out.lines
    }
}
