package io.trailhound.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.store.QueryResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Query rows as JSON lines or CSV. */
final class QueryOutput {

  private static final JsonFactory JSON = new JsonFactory();

  private QueryOutput() {}

  /** One JSON object per row, keys in column order; numbers and booleans keep their type. */
  static void json(QueryResult result, PrintWriter out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      for (List<Object> row : result.rows()) {
        g.writeStartObject();
        for (int c = 0; c < row.size(); c++) {
          g.writeFieldName(result.columns().get(c));
          Object v = row.get(c);
          if (v == null) {
            g.writeNull();
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else if (v instanceof Long l) {
            g.writeNumber(l);
          } else if (v instanceof Double d && Double.isFinite(d)) {
            g.writeNumber(d);
          } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
          } else {
            g.writeString(text(v));
          }
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * RFC 4180 CSV with a header row. Text cells that a spreadsheet would run as a formula (starting
   * with {@code = + - @}, tab or carriage return) get a leading {@code '}: log fields are
   * attacker-controlled. Numbers are written as numbers.
   */
  static void csv(QueryResult result, PrintWriter out) {
    line(out, result.columns().stream().map(c -> (Object) c).toList());
    for (List<Object> row : result.rows()) {
      line(out, row);
    }
  }

  static String text(Object v) {
    if (v instanceof Double d) {
      return d.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(v);
  }

  private static void line(PrintWriter out, List<Object> cells) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        b.append(',');
      }
      Object v = cells.get(c);
      if (v == null) {
        continue;
      }
      b.append(csvCell(v));
    }
    out.print(b.append("\r\n"));
  }

  static String csvCell(Object v) {
    if (v instanceof Number || v instanceof Boolean) {
      return text(v).toLowerCase(Locale.ROOT);
    }
    String s = text(v);
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0
        || s.startsWith(" ")
        || s.endsWith(" ")) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
