package io.trailhound.detect.baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words and numbers for explanations; every text here is built from the evidence. */
final class Explain {

  private static final int MAX_LISTED = 5;
  private static final double DAY_MS = 86_400_000.0;

  private Explain() {}

  /** {@code key AKIA…}, {@code principal arn:…}, {@code role arn:…}. */
  static String actor(Profile p) {
    return p.kind.label() + " " + p.id;
  }

  static String time(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }

  /** Whole days between two times, at least 1 when they differ by any amount. */
  static String days(long from, long to) {
    double d = (to - from) / DAY_MS;
    long whole = Math.max(d > 0 ? 1 : 0, Math.round(d));
    return whole == 1 ? "1 day" : whole + " days";
  }

  static String value(Attribute a, Object v) {
    return switch (a) {
      case ASN -> "AS" + v;
      case PREFIX -> IpAddresses.prefixText((Long) v);
      default -> String.valueOf(v);
    };
  }

  /**
   * The values of {@code a} first seen before {@code before}, most used first, e.g. {@code AS16509
   * (3,012 in all), AS14618 (4 in all)}; "none" when there are none.
   */
  static String before(ValueSet s, Attribute a, long before) {
    if (s == null) {
      return "none";
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      if (s.first(i) < before) {
        idx.add(i);
      }
    }
    if (idx.isEmpty()) {
      return "none";
    }
    idx.sort(
        (x, y) ->
            s.count(x) != s.count(y)
                ? Integer.compare(s.count(y), s.count(x))
                : value(a, s.value(x)).compareTo(value(a, s.value(y))));
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < Math.min(MAX_LISTED, idx.size()); k++) {
      int i = idx.get(k);
      if (k > 0) {
        b.append(", ");
      }
      // Counts cover the whole history, not only the time before the anomaly: say so.
      b.append(value(a, s.value(i)))
          .append(" (")
          .append(String.format(Locale.ROOT, "%,d", s.count(i)))
          .append(" in all)");
    }
    if (idx.size() > MAX_LISTED) {
      b.append(" and ").append(idx.size() - MAX_LISTED).append(" more");
    }
    return b.toString();
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "event" : "events");
  }

  static String number(double n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }
}
