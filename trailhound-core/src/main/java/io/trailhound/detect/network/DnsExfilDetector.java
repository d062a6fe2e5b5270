package io.trailhound.detect.network;

import io.trailhound.event.net.DnsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Trojan:EC2/DNSDataExfiltration}: DNS tunnelling, data encoded into subdomains of one
 * domain. Per asker, registrable domain and hour, counts queries whose subdomain is long ({@code
 * min_subdomain_length}), and among them those carrying a label of at least {@code
 * min_label_length} characters with entropy of at least {@code min_entropy}; many distinct such
 * subdomains ({@code min_unique}, counted with a sketch), mostly encoded, is exfiltration.
 */
final class DnsExfilDetector implements DnsDetector {

  static final String ID = "dns-exfiltration";
  private static final long HOUR = 3600;

  private record Key(String asker, String domain, long hour) {}

  private static final class State {
    final DnsTally tally = new DnsTally(null);
    final Distinct subdomains = new Distinct();
    long encoded;
    long chars;

    synchronized void add(boolean enc, int length) {
      encoded += enc ? 1 : 0;
      chars += length;
    }
  }

  private final int minSubdomain;
  private final int minLabel;
  private final double minEntropy;
  private final long minUnique;
  private final double minEncodedShare;
  private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();

  DnsExfilDetector(Params p) {
    minSubdomain = (int) p.whole("min_subdomain_length", 20);
    minLabel = (int) p.whole("min_label_length", 20);
    minEntropy = p.number("min_entropy", 3.5);
    minUnique = p.whole("min_unique", 50);
    minEncodedShare = p.number("min_encoded_share", 0.5);
  }

  @Override
  public void accept(DnsQuery q) {
    String sub = Domains.subdomain(q.queryName());
    if (sub.length() < minSubdomain) {
      return;
    }
    boolean encoded = false;
    for (String label : sub.split("\\.")) {
      if (Domains.encodedLabel(label, minLabel, minEntropy)) {
        encoded = true;
        break;
      }
    }
    String domain = Domains.registrable(q.queryName());
    State s =
        states.computeIfAbsent(
            new Key(q.asker(), domain, Flows.window(q.time().getEpochSecond(), HOUR)),
            k -> new State());
    s.subdomains.add(sub);
    s.add(encoded, sub.length());
    s.tally.add(q, null, null);
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    states.forEach(
        (k, s) -> {
          long unique = s.subdomains.estimate();
          DnsTally t = s.tally;
          double share = (double) s.encoded / Math.max(1, t.count);
          if (unique < minUnique || share < minEncodedShare) {
            return;
          }
          String text =
              k.asker()
                  + " sent "
                  + Flows.number(t.count)
                  + " queries with "
                  + s.subdomains.text()
                  + " distinct long subdomains under "
                  + k.domain()
                  + " within "
                  + Flows.span(t.last.getEpochSecond() - t.first.getEpochSecond())
                  + "; "
                  + String.format(Locale.ROOT, "%.0f%%", share * 100)
                  + " carry random-looking labels of "
                  + minLabel
                  + "+ characters (about "
                  + Flows.number(s.chars)
                  + " characters encoded): data leaving through DNS";
          out.add(
              new NetworkAlert(
                  ID,
                  "Trojan:EC2/DNSDataExfiltration",
                  null,
                  t.account,
                  t.region,
                  k.asker(),
                  t.instance,
                  null,
                  List.of(k.domain()),
                  t.first,
                  t.last,
                  t.count,
                  Instant.ofEpochSecond(k.hour()),
                  text));
        });
    return out;
  }
}
