package io.trailhound.detect.network;

import io.trailhound.event.net.DnsQuery;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every built-in network detector for one scan: records and queries go in from reader threads,
 * alerts come out at the end, sorted by key. Built explicitly (no registry scanning): the list
 * below is the registry.
 */
public final class NetworkDetection {

  /** The ids of the detectors' metadata files, in the order they are listed. */
  public static final List<String> IDS =
      List.of(
          PortScanDetector.ID,
          PortProbeDetector.ID,
          BruteForceDetector.ID,
          IntelFlowDetector.ID,
          IntelFlowDetector.MINING_ID,
          IntelFlowDetector.TOR_RELAY_ID,
          FloodDetector.ID,
          SpambotDetector.ID,
          BeaconDetector.ID,
          BaselineDetector.PORT_ID,
          BaselineDetector.VOLUME_ID,
          BaselineDetector.DESTINATION_ID,
          ResolverDetector.ID,
          DnsIntelDetector.ID,
          DnsIntelDetector.REBIND_ID,
          DgaDetector.ID,
          DnsExfilDetector.ID);

  private final List<FlowDetector> flows;
  private final List<DnsDetector> dns;

  /**
   * @param params each detector's parameters by id (from its metadata file)
   * @param ips address intel
   * @param domains domain intel
   */
  public NetworkDetection(
      Function<String, Params> params, IpReputation ips, DomainReputation domains) {
    flows =
        List.of(
            new PortScanDetector(params.apply(PortScanDetector.ID)),
            new PortProbeDetector(params.apply(PortProbeDetector.ID)),
            new BruteForceDetector(params.apply(BruteForceDetector.ID)),
            new IntelFlowDetector(
                params.apply(IntelFlowDetector.ID),
                params.apply(IntelFlowDetector.MINING_ID),
                params.apply(IntelFlowDetector.TOR_RELAY_ID),
                ips),
            new FloodDetector(params.apply(FloodDetector.ID)),
            new SpambotDetector(params.apply(SpambotDetector.ID)),
            new BeaconDetector(params.apply(BeaconDetector.ID)),
            new BaselineDetector(
                params.apply(BaselineDetector.PORT_ID),
                params.apply(BaselineDetector.VOLUME_ID),
                params.apply(BaselineDetector.DESTINATION_ID)),
            new ResolverDetector(params.apply(ResolverDetector.ID)));
    dns =
        List.of(
            new DnsIntelDetector(domains, ips),
            new DgaDetector(params.apply(DgaDetector.ID)),
            new DnsExfilDetector(params.apply(DnsExfilDetector.ID)));
  }

  /** With parameters from a map (missing ids use the detectors' defaults). */
  public NetworkDetection(Map<String, Params> params, IpReputation ips, DomainReputation domains) {
    this(id -> params.getOrDefault(id, Params.NONE), ips, domains);
  }

  /** Evaluates one flow record; thread-safe. */
  public void accept(FlowRecord r) {
    for (FlowDetector d : flows) {
      d.accept(r);
    }
  }

  /** Evaluates one resolver query; thread-safe. */
  public void accept(DnsQuery q) {
    for (DnsDetector d : dns) {
      d.accept(q);
    }
  }

  /** Every alert, sorted by detector, type, actor and window. */
  public List<NetworkAlert> finish() {
    List<NetworkAlert> out = new ArrayList<>();
    flows.forEach(d -> out.addAll(d.finish()));
    dns.forEach(d -> out.addAll(d.finish()));
    out.sort(Comparator.comparing(NetworkAlert::key));
    return out;
  }
}
