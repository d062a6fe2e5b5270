package io.trailhound.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose cells are escaped and fitted to a width. */
final class Table {

  private final List<String> headers;
  private final List<Integer> maxWidths;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param headers column titles
   * @param maxWidths widest each column may grow
   */
  Table(List<String> headers, List<Integer> maxWidths) {
    this.headers = List.copyOf(headers);
    this.maxWidths = List.copyOf(maxWidths);
  }

  void row(List<String> cells) {
    rows.add(List.copyOf(cells));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], TerminalText.safe(row.get(c)).length());
      }
      widths[c] = Math.min(widths[c], maxWidths.get(c));
    }
    line(out, headers, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = TerminalText.cell(cells.get(c), widths[c]);
      b.append(cell);
      if (c < widths.length - 1) {
        b.append(" ".repeat(widths[c] - cell.length() + 2));
      }
    }
    out.println(b.toString().stripTrailing());
  }
}
