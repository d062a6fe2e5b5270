package io.trailhound.detect.correlation;

import java.util.function.Function;

/**
 * The fields of one event read once for all the routes of one offer: a rule feeding several
 * correlations is mostly grouped by the same few paths in each, and every read of a captured path
 * looks it up and wraps its value again. Keyed by identity: the compiled inputs intern their paths.
 * Not thread-safe; one per offer.
 */
final class FieldMemo implements Function<String, String> {

  private static final int SIZE = 8;

  private final Function<String, String> read;
  private final String[] fields = new String[SIZE];
  private final String[] values = new String[SIZE];
  private int size;

  FieldMemo(Function<String, String> read) {
    this.read = read;
  }

  @Override
  public String apply(String field) {
    for (int i = 0; i < size; i++) {
      if (fields[i] == field) {
        return values[i];
      }
    }
    String value = read.apply(field);
    if (size < SIZE) {
      fields[size] = field;
      values[size++] = value;
    }
    return value;
  }
}
