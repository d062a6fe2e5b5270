package io.trailhound.scan.intel;

import io.trailhound.enrich.IpAddress;
import io.trailhound.enrich.IpEnricher;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingCollector;
import io.trailhound.finding.FindingIds;
import io.trailhound.finding.RuleInfo;
import io.trailhound.intel.IndicatorSet;
import io.trailhound.intel.IntelHit;
import io.trailhound.scan.DetectorMetadata;
import io.trailhound.scan.ScanStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches every CloudTrail event's caller address against the threat-intel lists and raises
 * GuardDuty's caller-IP findings ({@code UnauthorizedAccess:IAMUser/MaliciousIPCaller}, {@code
 * Recon:IAMUser/TorIPCaller}, {@code Exfiltration:S3/MaliciousIPCaller}, ...): the list's kind
 * picks the family (a feed, the user's own list, Tor exits) and the call's category the type. One
 * finding per type, actor, account, region, address and UTC day, explained with the lists, the
 * calls and, when a database is loaded, the address's AS and country.
 */
public final class IntelStage implements ScanStage {

  private static final long SECONDS_PER_DAY = 86_400;

  private final IndicatorSet intel;
  private final IpEnricher enricher;
  private final Map<IntelFindingType, DetectorMetadata> metadata;
  private final ConcurrentHashMap<Key, IntelGroup> groups = new ConcurrentHashMap<>();

  private IntelStage(
      IndicatorSet intel, IpEnricher enricher, Map<IntelFindingType, DetectorMetadata> metadata) {
    this.intel = intel;
    this.enricher = enricher;
    this.metadata = metadata;
  }

  /** A factory for scans matching {@code intel}, explaining with {@code enricher}. */
  public static ScanStage.Factory factory(IndicatorSet intel, IpEnricher enricher) {
    Map<IntelFindingType, DetectorMetadata> metadata = new EnumMap<>(IntelFindingType.class);
    for (IntelFindingType t : IntelFindingType.values()) {
      metadata.put(t, DetectorMetadata.builtin(t.id()));
    }
    return () -> new IntelStage(intel, enricher, metadata);
  }

  /** The detector ids this stage raises findings under. */
  public static List<String> detectorIds() {
    return Arrays.stream(IntelFindingType.values()).map(IntelFindingType::id).toList();
  }

  private record Key(
      IntelFindingType type, String account, String region, String actor, String ip, long day) {}

  @Override
  public void accept(Event event) {
    EventView view = event.view();
    IpAddress address = IpAddress.parse(view.source().ip());
    if (address == null) {
      return; // AWS service names, "AWS Internal", blanks
    }
    List<IntelHit> hits = intel.matchIp(address);
    if (hits.isEmpty()) {
      return;
    }
    ApiCategory category = ApiCategory.of(view);
    Map<IntelFindingType, List<IntelHit>> byType = new EnumMap<>(IntelFindingType.class);
    for (IntelHit hit : hits) {
      byType
          .computeIfAbsent(IntelFindingType.of(hit.kind(), category), t -> new ArrayList<>())
          .add(hit);
    }
    String ip = address.toString();
    long day = Math.floorDiv(view.time().getEpochSecond(), SECONDS_PER_DAY);
    byType.forEach(
        (type, typeHits) -> {
          Key key = new Key(type, view.account(), view.region(), view.actor().display(), ip, day);
          IntelGroup group = groups.get(key);
          if (group == null) {
            group =
                groups.computeIfAbsent(key, k -> new IntelGroup(info(type, typeHits), typeHits));
          }
          group.add(event);
        });
  }

  @Override
  public List<Finding> finish() {
    List<Finding> out = new ArrayList<>(groups.size());
    Map<String, String> enrichment = new TreeMap<>();
    groups.forEach(
        (key, group) -> {
          Finding f = group.finding();
          String dedupKey = f.dedupKey() + "|" + key.ip();
          String where =
              enrichment.computeIfAbsent(
                  key.ip(), ip -> IntelExplanation.where(enricher.lookup(ip)));
          out.add(
              new Finding(
                  FindingIds.stable(dedupKey),
                  dedupKey,
                  f.rule(),
                  f.account(),
                  f.region(),
                  f.actor(),
                  f.actorType(),
                  f.accessKeyIds(),
                  f.sourceIps(),
                  f.resources(),
                  f.firstSeen(),
                  f.lastSeen(),
                  f.eventCount(),
                  f.evidence(),
                  f.samples(),
                  IntelExplanation.text(key.ip(), group.hits(), where, group, f)));
        });
    out.sort(FindingCollector.ORDER);
    return out;
  }

  /** The type's metadata with the severity the strongest hit gives. */
  private RuleInfo info(IntelFindingType type, List<IntelHit> hits) {
    DetectorMetadata m = metadata.get(type);
    RuleInfo base = m.info();
    return new RuleInfo(
        base.ruleId(),
        base.name(),
        base.title(),
        base.description(),
        IntelSeverity.of(base.severity(), hits, m),
        base.types(),
        base.techniques(),
        base.tactics(),
        base.origin());
  }
}
