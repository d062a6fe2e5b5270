package io.trailhound.detect.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A detector's tunable defaults, as read from its metadata file's {@code parameters}; each getter
 * names the fallback used when the file does not set the value.
 */
public record Params(Map<String, Object> values) {

  public static final Params NONE = new Params(Map.of());

  public Params {
    values = Map.copyOf(values);
  }

  public double number(String name, double fallback) {
    return values.get(name) instanceof Number n ? n.doubleValue() : fallback;
  }

  public long whole(String name, long fallback) {
    return values.get(name) instanceof Number n ? n.longValue() : fallback;
  }

  /** A list of ports (numbers). */
  public Set<Integer> ports(String name, List<Integer> fallback) {
    Set<Integer> out = new TreeSet<>();
    if (values.get(name) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Number n) {
          out.add(n.intValue());
        }
      }
      return out;
    }
    out.addAll(fallback);
    return out;
  }

  /** A list of strings. */
  public List<String> strings(String name, List<String> fallback) {
    if (values.get(name) instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(o -> out.add(String.valueOf(o)));
      return out;
    }
    return fallback;
  }
}
