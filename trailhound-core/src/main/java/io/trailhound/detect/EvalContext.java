package io.trailhound.detect;

import io.trailhound.event.Event;
import io.trailhound.event.FieldValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of evaluating one event: field values looked up once per path and shared by every rule
 * that reads them. Created per {@code match} call, never shared between threads.
 */
final class EvalContext {

  private final Event event;
  private final List<?>[] cache;
  private List<String> texts;

  EvalContext(Event event, int pathCount) {
    this.event = event;
    this.cache = new List<?>[pathCount];
  }

  @SuppressWarnings("unchecked")
  List<FieldValue> values(FieldPath path) {
    List<?> cached = cache[path.id()];
    if (cached == null) {
      cached = event.values(path.path());
      cache[path.id()] = cached;
    }
    return (List<FieldValue>) cached;
  }

  /** Every string and number value of the event, for keyword searches. */
  List<String> texts() {
    if (texts == null) {
      List<String> all = new ArrayList<>();
      event.forEachText(all::add);
      texts = all;
    }
    return texts;
  }
}
