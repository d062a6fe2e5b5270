package io.trailhound.detect.network;

import io.trailhound.event.net.DnsQuery;
import io.trailhound.event.net.FlowRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Every built-in network detector for one scan: records and queries go in from reader threads,
 * alerts come out at the end, sorted by key. Built explicitly (no registry scanning): the list
 * below is the registry.
 *
 * <p>Flow records are sharded by interface: each shard has its own set of flow detectors, fed in
 * batches under the shard's lock, so detectors never contend and never see a record twice. Every
 * flow detector keys its state by interface, so a key lives in one shard and the alerts are the
 * same as with one set of detectors. Each record's shared facts (direction, private sides) are
 * worked out once per record, in {@link FlowFacts}.
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
          LambdaTraffic.ID,
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

  /** Shards: a power of two, a few per core so that two reader threads rarely wait on one. */
  private static final int SHARDS = 16;

  /** Records a reader thread keeps per shard before evaluating them under the shard's lock. */
  static final int BATCH = 64;

  private final Shard[] shards = new Shard[SHARDS];
  private final List<DnsDetector> dns;
  private final LambdaInterfaces lambdas;
  private final ThreadLocal<Lane> lanes = ThreadLocal.withInitial(this::newLane);
  private final List<Lane> allLanes = new ArrayList<>();

  /** The id of the detector of Lambda functions' network findings. */
  public static final String LAMBDA_ID = LambdaTraffic.ID;

  /** Without Lambda interfaces: every interface's alerts are EC2 alerts. */
  public NetworkDetection(
      Function<String, Params> params, IpReputation ips, DomainReputation domains) {
    this(params, ips, domains, new LambdaInterfaces());
  }

  /**
   * @param params each detector's parameters by id (from its metadata file)
   * @param ips address intel
   * @param domains domain intel
   * @param lambdas the interfaces of Lambda functions, read at {@link #finish} (so CloudTrail may
   *     add to it while flow records are read)
   */
  public NetworkDetection(
      Function<String, Params> params,
      IpReputation ips,
      DomainReputation domains,
      LambdaInterfaces lambdas) {
    this.lambdas = lambdas;
    // Caps on tracked state hold for the whole scan, not per shard: the shards share the counters.
    AtomicInteger beaconPairs = new AtomicInteger();
    AtomicInteger baselineInterfaces = new AtomicInteger();
    for (int i = 0; i < SHARDS; i++) {
      shards[i] =
          new Shard(
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
                  new BeaconDetector(params.apply(BeaconDetector.ID), beaconPairs),
                  new BaselineDetector(
                      params.apply(BaselineDetector.PORT_ID),
                      params.apply(BaselineDetector.VOLUME_ID),
                      params.apply(BaselineDetector.DESTINATION_ID),
                      baselineInterfaces),
                  new ResolverDetector(params.apply(ResolverDetector.ID))));
    }
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

  /**
   * Evaluates one flow record; thread-safe. The record joins its reader thread's batch for the
   * shard of its interface and is evaluated when that batch fills, or at {@link #finish}.
   */
  public void accept(FlowRecord r) {
    if (!r.hasTraffic()) {
      return; // no detector looks at NODATA, SKIPDATA or address-less records
    }
    lanes.get().add(r);
  }

  private Lane newLane() {
    Lane lane = new Lane();
    synchronized (allLanes) {
      allLanes.add(lane);
    }
    return lane;
  }

  /** The flow detectors of the interfaces that hash to one shard, and their reused facts. */
  private static final class Shard {
    final FlowDetector[] detectors;
    final FlowFacts facts = new FlowFacts();

    Shard(List<FlowDetector> detectors) {
      this.detectors = detectors.toArray(new FlowDetector[0]);
    }

    synchronized void evaluate(FlowRecord[] batch, int n) {
      for (int i = 0; i < n; i++) {
        FlowRecord r = batch[i];
        FlowFacts f = facts.of(r);
        for (FlowDetector d : detectors) {
          d.accept(r, f);
        }
        batch[i] = null;
      }
    }
  }

  /** One reader thread's batches, one per shard. */
  private final class Lane {
    final FlowRecord[][] batches = new FlowRecord[SHARDS][BATCH];
    final int[] sizes = new int[SHARDS];

    void add(FlowRecord r) {
      int h = r.interfaceKey().hashCode();
      int s = (h ^ (h >>> 16)) & (SHARDS - 1);
      FlowRecord[] batch = batches[s];
      batch[sizes[s]++] = r;
      if (sizes[s] == BATCH) {
        shards[s].evaluate(batch, BATCH);
        sizes[s] = 0;
      }
    }

    /** Evaluates what is left; called once readers are done. */
    synchronized void flush() {
      for (int s = 0; s < SHARDS; s++) {
        if (sizes[s] > 0) {
          shards[s].evaluate(batches[s], sizes[s]);
          sizes[s] = 0;
        }
      }
    }
  }

  /** Evaluates one resolver query; thread-safe. */
  public void accept(DnsQuery q) {
    for (DnsDetector d : dns) {
      d.accept(q);
    }
  }

  /**
   * Every alert, sorted by detector, type, actor and window (then explanation, so that two alerts
   * of one key keep one order). Call once, after every record was accepted.
   */
  public List<NetworkAlert> finish() {
    List<Lane> pending;
    synchronized (allLanes) {
      pending = List.copyOf(allLanes);
    }
    pending.forEach(Lane::flush);
    List<NetworkAlert> out = new ArrayList<>();
    for (Shard shard : shards) {
      synchronized (shard) {
        for (FlowDetector d : shard.detectors) {
          for (NetworkAlert a : d.finish()) {
            out.add(LambdaTraffic.of(a, lambdas));
          }
        }
      }
    }
    dns.forEach(d -> out.addAll(d.finish()));
    out.sort(Comparator.comparing(NetworkAlert::key).thenComparing(NetworkAlert::explanation));
    return out;
  }
}
