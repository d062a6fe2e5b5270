package io.trailhound.detect.network;

import io.trailhound.event.net.DnsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Trojan:EC2/DGADomainRequest.B}: an instance querying many distinct algorithmically
 * generated domains within an hour ({@code min_domains}), the sweep a DGA implant makes looking for
 * its live C&amp;C; and {@code …DGADomainRequest.C!DNS}: a DGA-like domain that resolved (the
 * rendezvous that worked). DGA-likeness is judged on the label left of the public suffix: long,
 * high entropy, few vowels or long consonant runs or mixed digits.
 */
final class DgaDetector implements DnsDetector {

  static final String ID = "dns-dga";
  private static final long HOUR = 3600;

  private record Key(String type, String asker, long hour) {}

  private static final class Sweep {
    final DnsTally tally = new DnsTally(null);
    final Distinct domains = new Distinct();
  }

  private final long minDomains;
  private final ConcurrentHashMap<Key, Sweep> sweeps = new ConcurrentHashMap<>();

  DgaDetector(Params p) {
    minDomains = p.whole("min_domains", 10);
  }

  @Override
  public void accept(DnsQuery q) {
    String label = Domains.mainLabel(q.queryName());
    if (!Domains.dgaLike(label)) {
      return;
    }
    long hour = Flows.window(q.time().getEpochSecond(), HOUR);
    String reg = Domains.registrable(q.queryName());
    Sweep s =
        sweeps.computeIfAbsent(
            new Key("Trojan:EC2/DGADomainRequest.B", q.asker(), hour), k -> new Sweep());
    s.domains.add(reg);
    s.tally.add(q, reg, null);
    if ("NOERROR".equals(q.rcode()) && !q.answers().isEmpty()) {
      Sweep r =
          sweeps.computeIfAbsent(
              new Key("Trojan:EC2/DGADomainRequest.C!DNS", q.asker(), hour), k -> new Sweep());
      r.domains.add(reg);
      r.tally.add(q, reg, q.answers().get(0).rdata());
    }
  }

  @Override
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    sweeps.forEach(
        (k, s) -> {
          long n = s.domains.estimate();
          DnsTally t = s.tally;
          boolean sweep = k.type().endsWith(".B");
          if (sweep && n < minDomains) {
            return;
          }
          String text =
              sweep
                  ? k.asker()
                      + " queried "
                      + s.domains.text()
                      + " distinct algorithmically generated-looking domains in an hour ("
                      + Flows.number(t.count)
                      + " queries, "
                      + Flows.number(t.nx)
                      + " NXDOMAIN), e.g. "
                      + String.join(", ", t.names)
                  : k.asker()
                      + " resolved the generated-looking domain(s) "
                      + String.join(", ", t.names)
                      + " to "
                      + String.join(", ", t.notes)
                      + ": a DGA rendezvous that answered";
          out.add(t.alert(ID, k.type(), k.asker(), Instant.ofEpochSecond(k.hour()), text));
        });
    return out;
  }
}
