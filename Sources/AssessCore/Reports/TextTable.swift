/// A table for people: columns padded to their widest cell (measured without colour codes),
/// two spaces apart, numbers right-aligned, no trailing spaces.
struct TextTable {
    struct Cell {
        var text: String
        var paint: (String) -> String

        init(_ text: String, paint: @escaping (String) -> String = { $0 }) {
            self.text = text
            self.paint = paint
        }
    }

    var header: [String]
    var rows: [[Cell]]
    /// Columns whose cells are aligned to the right.
    var rightAligned: Set<Int> = []

    func render(style: TerminalStyle, indent: String = "") -> [String] {
        // Each cell's width in characters, counted once.
        let rowWidths = rows.map { row in row.map(\.text.characterCount) }
        var widths = header.map(\.characterCount)
        for row in rowWidths {
            for (column, width) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], width)
            }
        }
        func line(_ cells: [Cell], _ cellWidths: [Int]) -> String {
            var out = indent
            for (column, cell) in cells.enumerated() {
                let width = column < widths.count ? widths[column] : cellWidths[column]
                let gap = max(0, width - cellWidths[column])
                if column > 0 { out += "  " }
                if rightAligned.contains(column) {
                    out += String.spaces(gap)
                    out += cell.paint(cell.text)
                } else {
                    out += cell.paint(cell.text)
                    if column < cells.count - 1 { out += String.spaces(gap) }
                }
            }
            return out.trimmedRight
        }
        return [line(header.map { Cell($0, paint: style.bold) }, header.map(\.characterCount))]
            + zip(rows, rowWidths).map { line($0.0, $0.1) }
    }
}
