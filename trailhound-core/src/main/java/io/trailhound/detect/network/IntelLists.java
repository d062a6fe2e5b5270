package io.trailhound.detect.network;

import io.trailhound.event.net.Addresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in {@link IpReputation} and {@link DomainReputation}: lists of addresses, IPv4 CIDRs
 * and domains, each line {@code <kind> <indicator> [confidence]} ({@code mining pool.example.org},
 * {@code c2 203.0.113.0/24 80}); a line with only an indicator takes the list's default kind;
 * {@code #} starts a comment. IPv4 lookups are binary searches over one sorted array per prefix
 * length, so a lookup allocates nothing when nothing matches.
 */
public final class IntelLists implements IpReputation, DomainReputation {

  /** A problem in a list file, with its line. */
  public static final class ListException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ListException(String message) {
      super(message);
    }
  }

  private final int[] lengths;
  private final long[][] networks;
  private final List<List<IntelMatch>>[] matches;
  private final Map<String, List<IntelMatch>> ipv6;
  private final Map<String, List<IntelMatch>> domains;
  private final int size;

  private IntelLists(Builder b) {
    lengths = b.v4.keySet().stream().mapToInt(Integer::intValue).toArray();
    networks = new long[lengths.length][];
    @SuppressWarnings("unchecked")
    List<List<IntelMatch>>[] m = new List[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      TreeMap<Long, List<IntelMatch>> byNet = b.v4.get(lengths[i]);
      networks[i] = byNet.keySet().stream().mapToLong(Long::longValue).toArray();
      m[i] = new ArrayList<>(byNet.values());
    }
    matches = m;
    ipv6 = Map.copyOf(b.v6);
    domains = Map.copyOf(b.domains);
    size = b.size;
  }

  /** Resource holding the built-in lists (mining pools). */
  public static final String BUILTIN = "content/intel/builtin.txt";

  /** The built-in lists. */
  public static IntelLists builtin() {
    return builtinBuilder().build();
  }

  /** A builder holding the built-in lists, to add the operator's lists to. */
  public static Builder builtinBuilder() {
    Builder b = new Builder();
    try (java.io.InputStream in = IntelLists.class.getClassLoader().getResourceAsStream(BUILTIN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILTIN);
      }
      b.read(
          "builtin",
          new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8),
          null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(BUILTIN, e);
    }
    return b;
  }

  /** Entries loaded. */
  public int size() {
    return size;
  }

  @Override
  public List<IntelMatch> lookup(long ipv4) {
    if (ipv4 < 0 || lengths.length == 0) {
      return List.of();
    }
    List<IntelMatch> out = null;
    for (int i = 0; i < lengths.length; i++) {
      long mask = lengths[i] == 0 ? 0 : (0xFFFFFFFFL << (32 - lengths[i])) & 0xFFFFFFFFL;
      int at = Arrays.binarySearch(networks[i], ipv4 & mask);
      if (at >= 0) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.addAll(matches[i].get(at));
      }
    }
    return out == null ? List.of() : out;
  }

  @Override
  public List<IntelMatch> lookup(String address) {
    if (address == null) {
      return List.of();
    }
    long v4 = Addresses.parse(address);
    if (v4 >= 0) {
      return lookup(v4);
    }
    return ipv6.getOrDefault(address.toLowerCase(Locale.ROOT), List.of());
  }

  /** Domain entries covering {@code name} or one of its parents. */
  @Override
  public List<IntelMatch> domain(String name) {
    if (name == null || domains.isEmpty()) {
      return List.of();
    }
    String n = name.toLowerCase(Locale.ROOT);
    List<IntelMatch> out = null;
    while (true) {
      List<IntelMatch> hit = domains.get(n);
      if (hit != null) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.addAll(hit);
      }
      int dot = n.indexOf('.');
      if (dot < 0) {
        break;
      }
      n = n.substring(dot + 1);
    }
    return out == null ? List.of() : out;
  }

  /** Collects entries from one or more lists. */
  public static final class Builder {
    private final Map<Integer, TreeMap<Long, List<IntelMatch>>> v4 = new TreeMap<>();
    private final Map<String, List<IntelMatch>> v6 = new HashMap<>();
    private final Map<String, List<IntelMatch>> domains = new HashMap<>();
    private int size;

    /**
     * Reads one list.
     *
     * @param name the list's name, shown in findings
     * @param defaultKind kind of lines that give only an indicator, or null to require a kind
     * @throws ListException naming the list and line of an unreadable entry
     */
    public Builder read(String name, Reader text, ThreatKind defaultKind) throws IOException {
      BufferedReader in = new BufferedReader(text);
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        int hash = line.indexOf('#');
        String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (t.isEmpty()) {
          continue;
        }
        String[] parts = t.split("[\\s,]+");
        ThreatKind kind;
        String indicator;
        int confidence = 100;
        if (parts.length == 1) {
          kind = defaultKind;
          indicator = parts[0];
        } else {
          kind = ThreatKind.parse(parts[0]);
          indicator = parts[1];
          if (parts.length > 2) {
            try {
              confidence = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
              throw new ListException(name + ":" + lineNo + ": confidence is not a number");
            }
          }
        }
        if (kind == null) {
          throw new ListException(name + ":" + lineNo + ": unknown or missing kind in '" + t + "'");
        }
        add(name, kind, indicator, confidence, lineNo);
      }
      return this;
    }

    /** Adds one entry: an IPv4 address or CIDR, an IPv6 address, or a domain. */
    public Builder add(String list, ThreatKind kind, String indicator, int confidence, int lineNo) {
      String ind = indicator.toLowerCase(Locale.ROOT);
      if (ind.endsWith(".")) {
        ind = ind.substring(0, ind.length() - 1);
      }
      IntelMatch m = new IntelMatch(list, kind, ind, confidence);
      int slash = ind.indexOf('/');
      String host = slash >= 0 ? ind.substring(0, slash) : ind;
      long v = Addresses.parse(host);
      if (v >= 0) {
        int len = 32;
        if (slash >= 0) {
          try {
            len = Integer.parseInt(ind.substring(slash + 1));
          } catch (NumberFormatException e) {
            len = -1;
          }
          if (len < 0 || len > 32) {
            throw new ListException(list + ":" + lineNo + ": bad prefix length in " + indicator);
          }
        }
        long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        v4.computeIfAbsent(len, k -> new TreeMap<>())
            .computeIfAbsent(v & mask, k -> new ArrayList<>())
            .add(m);
      } else if (ind.contains(":")) {
        v6.computeIfAbsent(ind, k -> new ArrayList<>()).add(m);
      } else if (ind.matches("[a-z0-9_.*-]+") && ind.contains(".")) {
        domains
            .computeIfAbsent(ind.startsWith("*.") ? ind.substring(2) : ind, k -> new ArrayList<>())
            .add(m);
      } else {
        throw new ListException(
            list + ":" + lineNo + ": not an address, CIDR or domain: " + indicator);
      }
      size++;
      return this;
    }

    public IntelLists build() {
      return new IntelLists(this);
    }
  }
}
