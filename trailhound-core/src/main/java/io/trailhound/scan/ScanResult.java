package io.trailhound.scan;

import io.trailhound.finding.Finding;
import io.trailhound.finding.Severity;
import io.trailhound.integrity.VerificationReport;
import io.trailhound.source.cloudtrail.IngestReport;
import io.trailhound.source.net.NetworkReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan read and found.
 *
 * @param ingest what was read, skipped and deduplicated
 * @param rules number of rules evaluated
 * @param matches rule matches (one event can match several rules)
 * @param findings findings, most severe first
 * @param integrity one report per scanned folder holding CloudTrail digest files
 * @param signaturesChecked whether digest signatures were checked (public keys were given)
 * @param externalInactive other tools' findings read but not reported: archived, resolved,
 *     suppressed, or passed compliance checks
 * @param network what was read from VPC Flow Logs and Route 53 Resolver query logs
 */
public record ScanResult(
    IngestReport ingest,
    int rules,
    long matches,
    List<Finding> findings,
    List<VerificationReport> integrity,
    boolean signaturesChecked,
    long externalInactive,
    NetworkReport network) {

  public ScanResult {
    findings = List.copyOf(findings);
    integrity = List.copyOf(integrity);
    network = network == null ? NetworkReport.NONE : network;
  }

  /** A result of CloudTrail alone: no other tools' findings, no network logs. */
  public ScanResult(
      IngestReport ingest,
      int rules,
      long matches,
      List<Finding> findings,
      List<VerificationReport> integrity,
      boolean signaturesChecked) {
    this(ingest, rules, matches, findings, integrity, signaturesChecked, 0, NetworkReport.NONE);
  }

  /** Findings per severity, every severity present (zero when none). */
  public Map<Severity, Long> bySeverity() {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0L);
    }
    for (Finding f : findings) {
      counts.merge(f.severity(), 1L, Long::sum);
    }
    return counts;
  }

  /** The most severe finding's severity, if any. */
  public Optional<Severity> highest() {
    return findings.stream().map(Finding::severity).max(Enum::compareTo);
  }

  /**
   * True when not a single event, external finding or digest could be read: every input was
   * unreadable or every record skipped, or there was no input file at all. (Readable files that
   * hold no events are not this: an empty trail file is a valid answer.)
   */
  public boolean nothingRead() {
    boolean noTrail =
        ingest.eventsDelivered() == 0
            && ingest.externalFindings() == 0
            && ingest.duplicates() == 0
            && ingest.digestFiles() == 0
            && (ingest.skipped() > 0 || ingest.filesRead() == 0);
    boolean noNetwork =
        network.flowRecords() == 0
            && network.dnsQueries() == 0
            && (network.skipped() > 0 || !network.any());
    return noTrail && noNetwork;
  }
}
