package io.trailhound.simulate.network;

import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Org;
import io.trailhound.simulate.org.Workload;
import io.trailhound.simulate.scenario.Launched;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * VPC Flow Logs (version 5 fields, with the header line) and Route 53 Resolver query logs of the
 * organisation's instances, one window at a time, in the S3 layout: {@code
 * AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/...log.gz} and {@code
 * AWSLogs/<account>/vpcdnsquerylogs/<vpc>/YYYY/MM/DD/...log.gz}, one object per hour.
 *
 * <p>Background: HTTPS to the regional AWS endpoints with the return traffic, a database connection
 * between instances of a VPC, internet scanners rejected at the security group, and the instances
 * resolving the endpoints they call. Flow logs never show traffic to the Amazon-provided resolver,
 * so DNS appears only in the resolver query logs, as in AWS. Miners: the pool lookup and the
 * stratum connection of every instance a cryptomining attack launched.
 */
public final class NetworkLogs {

  static final String FLOW_HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
          + " start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr"
          + " pkt-dstaddr region flow-direction";
  private static final String[] SERVICES = {
    "ssm", "ec2messages", "ssmmessages", "s3", "sts", "logs"
  };
  private static final String[] SCANNERS = {
    "45.143.200.", "89.248.165.", "167.248.133.", "162.142.125.", "198.235.24.", "71.6.199."
  };
  private static final int[] SCANNED_PORTS = {22, 23, 445, 1433, 3389, 5900, 6379, 8080};
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final long seed;
  private final List<NetInstance> instances = new ArrayList<>();
  private final List<Miner> miners;
  private final SplittableRandom random;
  private final double scale;
  private final boolean flows;
  private final boolean dns;
  private final HourlyFiles flowFiles;
  private final HourlyFiles dnsFiles;

  /**
   * @param launched per scenario id, the instances it launched
   */
  public NetworkLogs(
      Path out,
      long seed,
      Org org,
      List<Launched> launched,
      List<String> launchedBy,
      SplittableRandom random,
      double scale,
      boolean flows,
      boolean dns) {
    this.seed = seed;
    this.random = random;
    this.scale = scale;
    this.flows = flows;
    this.dns = dns;
    this.flowFiles = new HourlyFiles(out);
    this.dnsFiles = new HourlyFiles(out);
    for (Account a : org.accounts()) {
      for (Workload w : a.workloads()) {
        if (w.kind() == Workload.Kind.INSTANCE) {
          instances.add(NetInstance.of(seed, a.id(), w.region(), w.session()));
        }
      }
    }
    List<Miner> m = new ArrayList<>();
    for (int i = 0; i < launched.size(); i++) {
      m.add(Miner.of(seed, launchedBy.get(i), launched.get(i), org.end()));
    }
    this.miners = List.copyOf(m);
  }

  /** The miners, for the ground truth. */
  public List<String> minerEvidence(String scenarioId) {
    return miners.stream()
        .filter(m -> m.scenarioId().equals(scenarioId))
        .map(Miner::describe)
        .toList();
  }

  /** Instance ids and interfaces of a scenario's miners, for scoring network findings. */
  public List<String> minerIds(String scenarioId) {
    List<String> out = new ArrayList<>();
    for (Miner m : miners) {
      if (m.scenarioId().equals(scenarioId)) {
        out.add(m.instance().instanceId());
        out.add(m.instance().eni());
      }
    }
    return out;
  }

  /** Writes the window {@code [start, start + length)}; objects are written on the hour. */
  public void window(Instant start, Duration length, boolean background) throws IOException {
    if (background) {
      for (NetInstance i : instances) {
        backgroundOf(i, start, length);
      }
    }
    Instant end = start.plus(length);
    for (Miner m : miners) {
      if (m.from().isBefore(end) && m.to().isAfter(start)) {
        mine(m, start.isAfter(m.from()) ? start : m.from(), end.isBefore(m.to()) ? end : m.to());
      }
    }
    if (end.getEpochSecond() % 3600 == 0) {
      flowFiles.flush();
      dnsFiles.flush();
    }
  }

  /** Writes what is still open. */
  public void finish() throws IOException {
    flowFiles.flush();
    dnsFiles.flush();
  }

  public long files() {
    return flowFiles.files() + dnsFiles.files();
  }

  public long flowRecords() {
    return flowFiles.records();
  }

  public long dnsQueries() {
    return dnsFiles.records();
  }

  private void backgroundOf(NetInstance i, Instant start, Duration length) {
    long t0 = start.getEpochSecond();
    int calls = 1 + poisson(3 * scale);
    for (int k = 0; k < calls; k++) {
      String service = SERVICES[random.nextInt(SERVICES.length)];
      String endpoint = endpointIp(i.region(), service);
      long s = t0 + random.nextLong(length.toSeconds() - 60);
      int port = 32768 + random.nextInt(28000);
      int out = 8 + random.nextInt(60);
      int back = out + random.nextInt(40);
      if (random.nextInt(3) == 0) {
        query(i, s - 1, service + "." + i.region() + ".amazonaws.com", endpoint);
      }
      flow(
          i,
          i.privateIp(),
          endpoint,
          port,
          443,
          out,
          out * (90 + random.nextInt(400)),
          s,
          "ACCEPT",
          3,
          "egress");
      flow(
          i,
          endpoint,
          i.privateIp(),
          443,
          port,
          back,
          back * (200 + random.nextInt(1200)),
          s,
          "ACCEPT",
          19,
          "ingress");
    }
    for (NetInstance peer : instances) {
      if (peer != i && peer.vpcId().equals(i.vpcId()) && random.nextInt(4) == 0) {
        long s = t0 + random.nextLong(length.toSeconds() - 60);
        int port = 32768 + random.nextInt(28000);
        int n = 5 + random.nextInt(30);
        flow(i, i.privateIp(), peer.privateIp(), port, 5432, n, n * 120, s, "ACCEPT", 3, "egress");
        flow(
            peer,
            i.privateIp(),
            peer.privateIp(),
            port,
            5432,
            n,
            n * 120,
            s,
            "ACCEPT",
            3,
            "ingress");
      }
    }
    if (random.nextInt(10) < 3) {
      String scanner = SCANNERS[random.nextInt(SCANNERS.length)] + (1 + random.nextInt(254));
      long s = t0 + random.nextLong(length.toSeconds() - 60);
      int dst = SCANNED_PORTS[random.nextInt(SCANNED_PORTS.length)];
      flow(
          i,
          scanner,
          i.privateIp(),
          1024 + random.nextInt(64000),
          dst,
          1,
          40 + random.nextInt(20),
          s,
          "REJECT",
          2,
          "ingress");
    }
  }

  private void mine(Miner m, Instant from, Instant to) {
    NetInstance i = m.instance();
    long s = from.getEpochSecond();
    boolean first = from.equals(m.from());
    if (first || s % 3600 < 300) {
      query(i, s - 2, m.poolDomain(), m.poolIp());
    }
    long e = Math.max(s + 1, to.getEpochSecond() - 1);
    int out = (int) (4 + (e - s) / 10);
    flow(
        i,
        i.privateIp(),
        m.poolIp(),
        m.localPort(),
        m.port(),
        out,
        out * 180L,
        s,
        e,
        "ACCEPT",
        first ? 2 : 0,
        "egress");
    flow(
        i,
        m.poolIp(),
        i.privateIp(),
        m.port(),
        m.localPort(),
        out,
        out * 260L,
        s,
        e,
        "ACCEPT",
        first ? 18 : 0,
        "ingress");
  }

  private void flow(
      NetInstance on,
      String src,
      String dst,
      int sport,
      int dport,
      int packets,
      long bytes,
      long start,
      String action,
      int flags,
      String direction) {
    flow(
        on,
        src,
        dst,
        sport,
        dport,
        packets,
        bytes,
        start,
        start + 1 + random.nextInt(59),
        action,
        flags,
        direction);
  }

  private void flow(
      NetInstance on,
      String src,
      String dst,
      int sport,
      int dport,
      int packets,
      long bytes,
      long start,
      long end,
      String action,
      int flags,
      String direction) {
    if (!flows) {
      return;
    }
    String line =
        String.join(
            " ",
            "5",
            on.account(),
            on.eni(),
            src,
            dst,
            Integer.toString(sport),
            Integer.toString(dport),
            "6",
            Integer.toString(packets),
            Long.toString(bytes),
            Long.toString(start),
            Long.toString(end),
            action,
            "OK",
            on.vpcId(),
            on.subnetId(),
            on.instanceId(),
            Integer.toString(flags),
            "IPv4",
            src,
            dst,
            on.region(),
            direction);
    Instant hour = Instant.ofEpochSecond(start - Math.floorMod(start, 3600));
    String flowLogId = "fl-0" + Long.toHexString((on.vpcId().hashCode() & 0xFFFFFFFFL) | 1L << 36);
    String prefix =
        "AWSLogs/"
            + on.account()
            + "/vpcflowlogs/"
            + on.region()
            + "/"
            + DAY.format(hour)
            + "/"
            + on.account()
            + "_vpcflowlogs_"
            + on.region()
            + "_"
            + flowLogId
            + "_"
            + STAMP.format(hour.plusSeconds(3600));
    flowFiles.add(prefix, FLOW_HEADER, line);
  }

  /** Draws even when not written, so the flow logs do not depend on the resolver logs being on. */
  private void query(NetInstance on, long time, String name, String answer) {
    int port = 1024 + random.nextInt(64000);
    if (!dns) {
      return;
    }
    StringBuilder b = new StringBuilder(400);
    b.append("{\"version\":\"1.100000\",\"account_id\":\"").append(on.account());
    b.append("\",\"region\":\"").append(on.region());
    b.append("\",\"vpc_id\":\"").append(on.vpcId());
    b.append("\",\"query_timestamp\":\"").append(ISO.format(Instant.ofEpochSecond(time)));
    b.append("\",\"query_name\":\"").append(name).append(".\"");
    b.append(",\"query_type\":\"A\",\"query_class\":\"IN\",\"rcode\":\"NOERROR\"");
    b.append(",\"answers\":[{\"Rdata\":\"").append(answer);
    b.append("\",\"Type\":\"A\",\"Class\":\"IN\"}]");
    b.append(",\"srcaddr\":\"").append(on.privateIp());
    b.append("\",\"srcport\":\"").append(port);
    b.append("\",\"transport\":\"UDP\",\"srcids\":{\"instance\":\"").append(on.instanceId());
    b.append("\"}}");
    Instant hour = Instant.ofEpochSecond(time - Math.floorMod(time, 3600));
    String prefix =
        "AWSLogs/"
            + on.account()
            + "/vpcdnsquerylogs/"
            + on.vpcId()
            + "/"
            + DAY.format(hour)
            + "/"
            + on.account()
            + "_vpcdnsquerylogs_"
            + on.vpcId()
            + "_"
            + STAMP.format(hour.plusSeconds(3600));
    dnsFiles.add(prefix, null, b.toString());
  }

  /** A stable address per region and service in Amazon's 52.94.0.0/16. */
  private static String endpointIp(String region, String service) {
    int h = (region + service).hashCode() & 0x7FFFFFFF;
    return "52.94." + (h % 250 + 1) + "." + (h / 250 % 250 + 2);
  }

  private int poisson(double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
