package io.trailhound.event;

/**
 * Where a record was read: the file (or {@code -} for standard input, or an {@code s3://} URI) and
 * its position in it, so every finding can point back at the exact bytes.
 *
 * @param location file path or URI as the user gave it
 * @param record zero-based index of the record within the location
 */
public record Origin(String location, long record) {

  @Override
  public String toString() {
    return location + "#" + record;
  }
}
