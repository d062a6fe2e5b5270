package io.trailhound.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One log record: its raw JSON, byte for byte as it was read (the evidence), and a typed normalised
 * view. Rules read fields through {@link #values(String)} using the raw paths of the source format
 * (for CloudTrail, the paths SigmaHQ rules use).
 */
public final class Event implements FieldAccess {

  private final String sourceType;
  private final Origin origin;
  private final byte[] raw;
  private final EventView view;
  private final FieldAccess fields;

  /**
   * @param sourceType the log type, e.g. {@code cloudtrail}
   * @param origin where the record was read
   * @param raw the record's UTF-8 JSON bytes (not copied: the caller hands them over)
   * @param view the normalised view
   * @param fields field access for rules; must follow the {@link FieldAccess} semantics
   */
  public Event(String sourceType, Origin origin, byte[] raw, EventView view, FieldAccess fields) {
    this.sourceType = Objects.requireNonNull(sourceType, "sourceType");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.raw = Objects.requireNonNull(raw, "raw");
    this.view = Objects.requireNonNull(view, "view");
    this.fields = Objects.requireNonNull(fields, "fields");
  }

  public String sourceType() {
    return sourceType;
  }

  public Origin origin() {
    return origin;
  }

  public EventView view() {
    return view;
  }

  /** The event id of the normalised view. */
  public String id() {
    return view.eventId();
  }

  /** The raw record as UTF-8 JSON text, exactly as read. */
  public String rawJson() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** Size of the raw record in bytes. */
  public int rawSize() {
    return raw.length;
  }

  /** A copy of the raw record bytes. */
  public byte[] rawBytes() {
    return raw.clone();
  }

  @Override
  public List<FieldValue> values(String path) {
    return fields.values(path);
  }

  @Override
  public void forEachText(Consumer<String> visitor) {
    fields.forEachText(visitor);
  }

  @Override
  public String toString() {
    return sourceType + " " + view.api() + " " + view.eventId() + " @" + origin;
  }
}
