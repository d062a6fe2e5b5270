package io.trailhound.investigate;

import io.trailhound.finding.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The automatic investigation of one finding: who, what, since when, what they left, and what to
 * do.
 *
 * @param findingId the finding investigated
 * @param rule the finding's rule name
 * @param title the finding's title
 * @param severity the finding's severity
 * @param actor the resolved actor with the links that prove it
 * @param triage the score and its factors
 * @param evidence every event id of the actor's footprint, earliest first
 * @param timeline the footprint in order, with ATT&amp;CK tactics and what it touched
 * @param persistence footholds left behind
 * @param privesc privilege-escalation methods seen
 * @param verdict the conclusion with reasons
 * @param response planned response actions
 * @param incomplete why the evidence may be incomplete (the index overflowed), or empty
 * @param reported what the finding itself says — when, who, which resources — for findings whose
 *     evidence is not in the event index (network logs, other tools); null for actors
 */
public record Investigation(
    String findingId,
    String rule,
    String title,
    Severity severity,
    ResolvedActor actor,
    Triage triage,
    List<String> evidence,
    Timeline timeline,
    List<Persistence> persistence,
    List<PrivescMatch> privesc,
    Verdict verdict,
    List<ResponseAction> response,
    String incomplete,
    Reported reported) {

  /**
   * The finding's own account of itself.
   *
   * @param from first seen
   * @param to last seen
   * @param actor the finding's actor text (an instance and interface for network findings)
   * @param resources resource ARNs the finding names
   */
  public record Reported(Instant from, Instant to, String actor, List<String> resources) {
    public Reported {
      resources = List.copyOf(resources);
    }
  }

  public Investigation {
    evidence = List.copyOf(evidence);
    persistence = List.copyOf(persistence);
    privesc = List.copyOf(privesc);
    response = List.copyOf(response);
    incomplete = incomplete == null ? "" : incomplete;
  }
}
