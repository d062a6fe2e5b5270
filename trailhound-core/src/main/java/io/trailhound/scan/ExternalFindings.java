package io.trailhound.scan;

import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingIds;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import io.trailhound.source.findings.ExternalFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects other tools' findings during a scan and turns them into {@link Finding}s beside ours.
 * Thread-safe. The same finding read twice (two exports, or an export and an EventBridge event) is
 * kept once: the copy updated last. Inactive ones (archived, resolved, suppressed, passed checks)
 * are counted, not reported.
 *
 * <p>The rule of such a finding is the tool's type (GuardDuty type, ASFF generator, Inspector
 * vulnerability), its {@link RuleInfo#reportedBy()} the provider ({@code guardduty}, {@code
 * securityhub}, {@code inspector}), its id derived from provider and finding id, its evidence the
 * tool's finding id; GuardDuty's threat purpose ({@code Persistence:IAMUser/...}) gives the
 * ATT&amp;CK tactic.
 */
public final class ExternalFindings {

  /** GuardDuty threat purposes that name an ATT&amp;CK tactic. */
  private static final Map<String, String> TACTICS =
      Map.ofEntries(
          Map.entry("Discovery", "discovery"),
          Map.entry("Recon", "reconnaissance"),
          Map.entry("Persistence", "persistence"),
          Map.entry("PrivilegeEscalation", "privilege-escalation"),
          Map.entry("DefenseEvasion", "defense-evasion"),
          Map.entry("Stealth", "defense-evasion"),
          Map.entry("InitialAccess", "initial-access"),
          // "activity by an unauthorized individual": valid credentials used by someone else
          Map.entry("UnauthorizedAccess", "initial-access"),
          Map.entry("CredentialAccess", "credential-access"),
          Map.entry("Execution", "execution"),
          Map.entry("Exfiltration", "exfiltration"),
          Map.entry("Impact", "impact"),
          Map.entry("CryptoCurrency", "impact"),
          Map.entry("Backdoor", "command-and-control"),
          Map.entry("Trojan", "command-and-control"));

  private final ConcurrentHashMap<String, ExternalFinding> kept = new ConcurrentHashMap<>();
  private final LongAdder inactive = new LongAdder();

  /** Takes one finding read from the inputs. */
  public void add(ExternalFinding f) {
    if (!f.active()) {
      inactive.increment();
      return;
    }
    kept.merge(f.provider() + '|' + f.id(), f, ExternalFindings::later);
  }

  private static ExternalFinding later(ExternalFinding a, ExternalFinding b) {
    int c = a.lastSeen().compareTo(b.lastSeen());
    if (c != 0) {
      return c > 0 ? a : b;
    }
    // same time: keep the one from the earlier location, whatever order files were read in
    return a.origin().toString().compareTo(b.origin().toString()) <= 0 ? a : b;
  }

  /** Inactive findings seen (not reported). */
  public long inactive() {
    return inactive.sum();
  }

  /** The kept findings as {@link Finding}s, in no particular order. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(kept.size());
    kept.values().forEach(f -> out.add(toFinding(f)));
    return out;
  }

  /** One external finding as a finding. */
  public static Finding toFinding(ExternalFinding f) {
    String key = String.join("|", "external", f.provider(), f.id());
    RuleInfo rule =
        new RuleInfo(
            f.type(),
            f.type(),
            f.title() != null ? f.title() : f.type(),
            f.description(),
            Severity.valueOf(f.level().name()),
            f.types(),
            List.of(),
            tactics(f),
            RuleInfo.EXTERNAL + f.provider());
    return new Finding(
        FindingIds.stable(key),
        key,
        rule,
        f.account(),
        f.region(),
        f.actor() == null ? "" : f.actor(),
        f.actorType(),
        f.accessKeyIds(),
        f.sourceIps(),
        f.resources(),
        f.firstSeen(),
        f.lastSeen(),
        f.count(),
        List.of(f.id()),
        List.of(),
        explanation(f));
  }

  private static List<String> tactics(ExternalFinding f) {
    if (!f.provider().equals("guardduty")) {
      return List.of();
    }
    int colon = f.type().indexOf(':');
    String tactic = colon > 0 ? TACTICS.get(f.type().substring(0, colon)) : null;
    return tactic == null ? List.of() : List.of(tactic);
  }

  /** "Reported by GuardDuty (severity 8.0), 12 times from ... to ...; API ..., from ...". */
  static String explanation(ExternalFinding f) {
    StringBuilder b = new StringBuilder("Reported by ").append(name(f));
    if (f.nativeSeverity() != null) {
      b.append(" (severity ").append(f.nativeSeverity()).append(')');
    }
    b.append(f.count() > 1 ? ", " + f.count() + " times" : "");
    if (f.firstSeen().equals(f.lastSeen())) {
      b.append(" at ").append(f.firstSeen());
    } else {
      b.append(" between ").append(f.firstSeen()).append(" and ").append(f.lastSeen());
    }
    if (f.api() != null) {
      b.append("; API ").append(f.api());
    }
    if (!f.sourceIps().isEmpty()) {
      b.append("; from ").append(String.join(", ", f.sourceIps()));
    }
    return b.append("; read from ").append(f.origin()).toString();
  }

  private static String name(ExternalFinding f) {
    String provider =
        switch (f.provider()) {
          case "guardduty" -> "GuardDuty";
          case "securityhub" -> "Security Hub";
          case "inspector" -> "Inspector";
          default -> f.provider();
        };
    if (f.product() == null || f.product().equalsIgnoreCase(provider)) {
      return provider;
    }
    return provider + " (" + f.product() + ")";
  }
}
