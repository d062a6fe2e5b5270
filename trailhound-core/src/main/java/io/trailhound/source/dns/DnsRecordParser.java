package io.trailhound.source.dns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.event.net.DnsAnswer;
import io.trailhound.event.net.DnsQuery;
import io.trailhound.source.SkipReason;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns one resolver query log object into a {@link DnsQuery}. Thread-safe. */
final class DnsRecordParser {

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(32)
                      .maxStringLength(64 * 1024)
                      .build())
              .build());

  /** A record that could not be read. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    final SkipReason reason;

    Rejected(SkipReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  private DnsRecordParser() {}

  static JsonNode tree(byte[] buf, int off, int len) throws Rejected {
    try {
      return JSON.readTree(buf, off, len);
    } catch (IOException e) {
      throw new Rejected(SkipReason.INVALID_JSON, "not JSON");
    }
  }

  static JsonNode tree(String text) throws Rejected {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new Rejected(SkipReason.INVALID_JSON, "message is not JSON");
    }
  }

  static DnsQuery query(JsonNode o) throws Rejected {
    if (o == null || !o.isObject()) {
      throw new Rejected(SkipReason.WRONG_TYPE, "not a JSON object");
    }
    String name = text(o, "query_name");
    String ts = text(o, "query_timestamp");
    if (name == null) {
      throw new Rejected(SkipReason.MISSING_FIELD, "no query_name");
    }
    if (ts == null) {
      throw new Rejected(SkipReason.MISSING_FIELD, "no query_timestamp");
    }
    Instant time;
    try {
      time = Instant.parse(ts);
    } catch (DateTimeParseException e) {
      throw new Rejected(SkipReason.INVALID_VALUE, "query_timestamp is not an ISO-8601 time");
    }
    String q = name.toLowerCase(Locale.ROOT);
    if (q.endsWith(".")) {
      q = q.substring(0, q.length() - 1);
    }
    List<DnsAnswer> answers = new ArrayList<>();
    JsonNode a = o.get("answers");
    if (a != null && a.isArray()) {
      for (JsonNode x : a) {
        String rdata = first(x, "Rdata", "rdata");
        if (rdata != null) {
          answers.add(new DnsAnswer(first(x, "Type", "answer_type"), rdata));
        }
      }
    }
    JsonNode ids = o.get("srcids");
    int port = -1;
    JsonNode p = o.get("srcport");
    if (p != null && (p.isNumber() || p.isTextual())) {
      try {
        port = Integer.parseInt(p.asText());
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    return new DnsQuery(
        time,
        text(o, "account_id"),
        text(o, "region"),
        text(o, "vpc_id"),
        q,
        text(o, "query_type"),
        text(o, "rcode"),
        answers,
        text(o, "srcaddr"),
        port,
        ids == null ? null : text(ids, "instance"),
        ids == null ? null : text(ids, "resolver_endpoint"),
        text(o, "firewall_rule_action"));
  }

  private static String first(JsonNode o, String a, String b) {
    String v = text(o, a);
    return v != null ? v : text(o, b);
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
  }
}
