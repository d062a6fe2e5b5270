package io.trailhound.source.findings;

import io.trailhound.event.Origin;
import io.trailhound.event.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finding another tool raised (GuardDuty, Security Hub, Inspector), as read from its JSON: what
 * {@code scan} reports beside its own findings, marked with the tool it came from.
 *
 * @param provider the tool whose file it was: {@code guardduty}, {@code securityhub} or {@code
 *     inspector}
 * @param product the product that produced it, e.g. {@code GuardDuty}, {@code Inspector}, {@code
 *     Prowler} for Security Hub findings; equal to the provider's name for native files
 * @param id the tool's finding id
 * @param type what kind of finding it is, used as its rule id: the GuardDuty finding type, the ASFF
 *     {@code GeneratorId}, the Inspector vulnerability id or finding type
 * @param types classifications: the GuardDuty type, ASFF {@code Types[]}
 * @param title the tool's title
 * @param description the tool's description
 * @param level severity mapped to five levels
 * @param nativeSeverity severity as the tool wrote it ({@code 5.0}, {@code HIGH})
 * @param active false when archived, resolved, suppressed or a passed compliance check
 * @param account AWS account
 * @param region AWS region
 * @param firstSeen when the activity was first seen (else when the finding was created)
 * @param lastSeen when it was last seen (else when the finding was updated)
 * @param count how many times the tool saw the activity (1 when it did not say)
 * @param actor who acted: user name or principal, null when the finding names nobody
 * @param actorType principal type as the tool wrote it ({@code IAMUser}, {@code AssumedRole})
 * @param accessKeyIds access keys the finding names
 * @param sourceIps remote addresses the finding names
 * @param api the API call behind it, when the tool names one
 * @param resources affected resources
 * @param origin where it was read
 */
public record ExternalFinding(
    String provider,
    String product,
    String id,
    String type,
    List<String> types,
    String title,
    String description,
    Level level,
    String nativeSeverity,
    boolean active,
    String account,
    String region,
    Instant firstSeen,
    Instant lastSeen,
    long count,
    String actor,
    String actorType,
    List<String> accessKeyIds,
    List<String> sourceIps,
    String api,
    List<Resource> resources,
    Origin origin) {

  public ExternalFinding {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(origin, "origin");
    lastSeen = lastSeen == null || lastSeen.isBefore(firstSeen) ? firstSeen : lastSeen;
    types = List.copyOf(types);
    accessKeyIds = List.copyOf(accessKeyIds);
    sourceIps = List.copyOf(sourceIps);
    resources = List.copyOf(resources);
    count = Math.max(count, 1);
  }

  /** Five severity levels, the way every finding tool's scale folds onto them. */
  public enum Level {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** A GuardDuty score (1.0–10.0): Low below 4, Medium below 7, High below 9, Critical from 9. */
    public static Level ofGuardDuty(double score) {
      if (score >= 9) {
        return CRITICAL;
      }
      if (score >= 7) {
        return HIGH;
      }
      if (score >= 4) {
        return MEDIUM;
      }
      return score >= 1 ? LOW : INFO;
    }

    /** An ASFF {@code Normalized} score (0–100): 0 info, 1–39 low, 40–69 medium, 70–89 high. */
    public static Level ofNormalized(double score) {
      if (score >= 90) {
        return CRITICAL;
      }
      if (score >= 70) {
        return HIGH;
      }
      if (score >= 40) {
        return MEDIUM;
      }
      return score >= 1 ? LOW : INFO;
    }

    /** A label ({@code INFORMATIONAL}, {@code LOW}, ..., {@code CRITICAL}); null when unknown. */
    public static Level ofLabel(String label) {
      if (label == null) {
        return null;
      }
      return switch (label.trim().toUpperCase(java.util.Locale.ROOT)) {
        case "INFORMATIONAL", "INFO", "UNTRIAGED" -> INFO;
        case "LOW" -> LOW;
        case "MEDIUM" -> MEDIUM;
        case "HIGH" -> HIGH;
        case "CRITICAL" -> CRITICAL;
        default -> null;
      };
    }
  }
}
