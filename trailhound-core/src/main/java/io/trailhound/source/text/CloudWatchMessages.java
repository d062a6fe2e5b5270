package io.trailhound.source.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.ObjLongConsumer;

/**
 * The {@code message} strings of a CloudWatch Logs export, whatever its shape: {@code aws logs
 * get-log-events} / {@code filter-log-events} output ({@code {"events":[...]}}), a subscription
 * filter payload ({@code {"messageType":"DATA_MESSAGE", "logEvents":[...]}}), or several such
 * documents one after another. Every string member named {@code message} inside a log-event array
 * is one message; nothing else is read.
 */
public final class CloudWatchMessages {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(1 << 20).maxNestingDepth(64).build())
          .build();

  private CloudWatchMessages() {}

  /**
   * Streams the messages to {@code sink} with their index. Throws on malformed JSON after the
   * messages before it were delivered.
   *
   * @return the number of messages delivered
   */
  public static long read(InputStream in, ObjLongConsumer<String> sink) throws IOException {
    long n = 0;
    try (JsonParser p = JSON.createParser(in)) {
      int arrayDepth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_ARRAY -> arrayDepth++;
          case END_ARRAY -> arrayDepth--;
          case FIELD_NAME -> {
            if (arrayDepth > 0 && "message".equals(p.currentName())) {
              JsonToken v = p.nextToken();
              if (v == JsonToken.VALUE_STRING) {
                sink.accept(p.getText(), n++);
              } else if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
                p.skipChildren();
              }
            }
          }
          default -> {}
        }
      }
    }
    return n;
  }
}
