package clinic.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: a header row, alignment per column ({@code l} or {@code r}), rows of text cells. */
public final class MarkdownTable {

    private final List<String> headers;
    private final String alignments;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param alignments one character per column: {@code l} left, {@code r} right (numbers)
     */
    public MarkdownTable(String alignments, String... headers) {
        if (alignments.length() != headers.length || !alignments.matches("[lr]*")) {
            throw new IllegalArgumentException(
                    "need one alignment (l or r) per column: " + alignments + " for " + headers.length);
        }
        this.headers = List.of(headers);
        this.alignments = alignments;
    }

    public MarkdownTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, the table " + headers.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        out.append('|');
        for (char a : alignments.toCharArray()) {
            out.append(a == 'r' ? "---:|" : "---|");
        }
        out.append('\n');
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    /** A pipe would end the cell and a line break the row. */
    static String escape(String cell) {
        return (cell == null ? "" : cell).replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
