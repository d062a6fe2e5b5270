package io.trailhound.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogues' tab-separated format: {@code #} lines are sources and notes, the first other line
 * names the columns. Columns are looked up by name, so a catalogue may gain columns.
 */
final class Tsv {

  private Tsv() {}

  /** Rows as column name → cell; a short row yields empty cells. */
  static List<Map<String, String>> rows(String origin, String text) {
    List<Map<String, String>> out = new ArrayList<>();
    List<String> header = null;
    int lineNo = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = Arrays.asList(line.split("\t", -1));
      if (header == null) {
        header = cells;
        continue;
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < cells.size() ? cells.get(i).strip() : "");
      }
      if (row.get(header.get(0)).isEmpty()) {
        throw new IllegalArgumentException(origin + ":" + lineNo + ": empty first column");
      }
      out.add(row);
    }
    if (header == null) {
      throw new IllegalArgumentException(origin + ": no header line");
    }
    return out;
  }

  /** A cell, failing with the catalogue's name when the column does not exist. */
  static String cell(String origin, Map<String, String> row, String column) {
    String v = row.get(column);
    if (v == null) {
      throw new IllegalArgumentException(origin + ": no column '" + column + "'");
    }
    return v;
  }
}
