package io.trailhound.source.vpcflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ordered fields of a flow log's lines.
 *
 * @param fields one per column, {@link FlowField#OTHER} for columns of unknown names
 * @param names the column names as given
 */
public record FlowFormat(List<FlowField> fields, List<String> names) {

  /** The default format (all version-2 fields in order). */
  public static final FlowFormat DEFAULT =
      of(
          "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
              + " start end action log-status");

  public FlowFormat {
    fields = List.copyOf(fields);
    names = List.copyOf(names);
  }

  /**
   * A format from a header line or a format string: space-separated names, each optionally written
   * {@code ${name}} as in the {@code LogFormat} of {@code aws ec2 create-flow-logs}.
   *
   * @throws IllegalArgumentException when the text names no field, or a name is not made of
   *     letters, digits and dashes
   */
  public static FlowFormat of(String text) {
    List<FlowField> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String token : text.strip().split("[ \\t]+")) {
      String name = token;
      if (name.startsWith("${") && name.endsWith("}")) {
        name = name.substring(2, name.length() - 1);
      }
      name = name.toLowerCase(Locale.ROOT);
      if (name.isEmpty()
          || !name.chars().allMatch(c -> c == '-' || c == '_' || Character.isLetterOrDigit(c))) {
        throw new IllegalArgumentException("not a flow log field name: '" + token + "'");
      }
      names.add(name);
      fields.add(FlowField.of(name.replace('_', '-')));
    }
    if (fields.stream().allMatch(f -> f == FlowField.OTHER)) {
      throw new IllegalArgumentException("names no known flow log field: '" + text.strip() + "'");
    }
    return new FlowFormat(fields, names);
  }

  /**
   * True when a line is a header: every token a field-like name, at least two of them known flow
   * log fields, none a number.
   */
  public static boolean isHeader(String line) {
    String[] tokens = line.strip().split("[ \\t]+");
    int known = 0;
    for (String t : tokens) {
      if (t.isEmpty() || !t.chars().allMatch(c -> c == '-' || c == '_' || (c >= 'a' && c <= 'z'))) {
        return false;
      }
      if (FlowField.of(t) != FlowField.OTHER) {
        known++;
      }
    }
    return known >= 2;
  }

  /** Number of columns. */
  public int size() {
    return fields.size();
  }

  /** The highest version among the fields: what a record's {@code version} should be. */
  public int version() {
    return fields.stream().mapToInt(FlowField::version).max().orElse(2);
  }
}
