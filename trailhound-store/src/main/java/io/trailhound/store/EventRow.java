package io.trailhound.store;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as the store keeps it: the columns of {@code events}, computed on the reader thread
 * that delivered the event so the single writer thread only appends. {@code issuedKeyId} is the
 * access key the call issued ({@code responseElements.credentials.accessKeyId} of an STS call) or
 * created ({@code CreateAccessKey}), for actor resolution's walk back to the issuing call; {@code
 * record} what investigation reads of it, split from its caller part (see {@link RecordCodec}).
 */
record EventRow(
    String eventId,
    Instant time,
    String source,
    EventView view,
    String resourcesJson,
    String origin,
    String raw,
    List<String> derivedResources,
    String issuedKeyId,
    RecordCodec.Split record) {

  static EventRow of(Event event) {
    EventView v = event.view();
    EventRecord record = EventRecord.of(event, new Interner());
    String issued = record.field(EventRecord.ISSUED_KEY);
    return new EventRow(
        v.eventId(),
        v.time(),
        event.sourceType(),
        v,
        resourcesJson(v.resources()),
        event.origin().toString(),
        event.rawJson(),
        derived(event, record.resources()),
        issued != null ? issued : record.field(EventRecord.CREATED_KEY),
        RecordCodec.split(record));
  }

  /**
   * ARNs an investigation derives from the request (the user a key was created for, the role whose
   * trust policy changed, ...) that the event's own resources do not name: stored in {@code
   * event_resources} too, so resource pivots on the store find what the in-memory index finds.
   */
  private static List<String> derived(Event event, List<String> all) {
    List<String> out = new ArrayList<>();
    for (String arn : all) {
      if (event.view().resources().stream().noneMatch(r -> arn.equals(r.arn()))) {
        out.add(arn);
      }
    }
    return out;
  }

  /** Rough heap size, for bounding what waits in the writer's queue. */
  long weight() {
    return 512L
        + 2L * raw.length()
        + 2L * record.record().length()
        + 2L * record.caller().length()
        + (resourcesJson == null ? 0 : 2L * resourcesJson.length());
  }

  Actor actor() {
    return view.actor();
  }

  Endpoint endpoint() {
    return view.source();
  }

  List<Resource> resources() {
    return view.resources();
  }

  static String resourcesJson(List<Resource> resources) {
    if (resources.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder(64 * resources.size()).append('[');
    for (int i = 0; i < resources.size(); i++) {
      Resource r = resources.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      field(b, "arn", r.arn()).append(',');
      field(b, "type", r.type()).append(',');
      field(b, "account", r.account());
      b.append('}');
    }
    return b.append(']').toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":");
    if (value == null) {
      return b.append("null");
    }
    b.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, b);
    return b.append('"');
  }
}
