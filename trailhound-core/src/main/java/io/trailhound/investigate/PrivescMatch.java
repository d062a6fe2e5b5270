package io.trailhound.investigate;

import java.util.List;

/**
 * A privilege-escalation method of the catalogue whose events all appear in the evidence.
 *
 * @param id catalogue id ({@code iam-008})
 * @param method permissions it uses ({@code iam:AttachUserPolicy})
 * @param category {@code self-escalation}, {@code principal-access}, {@code new-passrole}, ...
 * @param events the evidence events that match it
 */
public record PrivescMatch(String id, String method, String category, List<String> events) {
  public PrivescMatch {
    events = List.copyOf(events);
  }
}
