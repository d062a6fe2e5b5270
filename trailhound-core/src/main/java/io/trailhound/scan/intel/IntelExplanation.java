package io.trailhound.scan.intel;

import io.trailhound.enrich.IpInfo;
import io.trailhound.finding.Finding;
import io.trailhound.intel.IntelHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of an intel finding: which lists hold the address and how much they are trusted, where
 * the address is when a database says, and what the caller did from it.
 */
final class IntelExplanation {

  private static final int MAX_APIS = 5;

  private IntelExplanation() {}

  /** "AS64496 Example Org, NL", or empty when nothing is known. */
  static String where(IpInfo info) {
    List<String> parts = new ArrayList<>();
    if (info.asn() > 0) {
      parts.add("AS" + info.asn() + (info.asOrg() == null ? "" : " " + info.asOrg()));
    }
    if (info.country() != null) {
      parts.add(info.country());
    }
    return String.join(", ", parts);
  }

  static String text(String ip, List<IntelHit> hits, String where, IntelGroup group, Finding f) {
    StringBuilder b = new StringBuilder(ip);
    if (!where.isEmpty()) {
      b.append(" (").append(where).append(')');
    }
    b.append(" is on ");
    for (int i = 0; i < hits.size(); i++) {
      if (i > 0) {
        b.append(i == hits.size() - 1 ? " and " : ", ");
      }
      list(b, hits.get(i));
    }
    b.append("; ");
    b.append(
        String.format(Locale.ROOT, "%,d call%s", f.eventCount(), f.eventCount() == 1 ? "" : "s"));
    List<Map.Entry<String, Long>> apis = group.apis();
    List<String> named = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_APIS, apis.size()); i++) {
      named.add(String.format(Locale.ROOT, "%s %,d", apis.get(i).getKey(), apis.get(i).getValue()));
    }
    if (apis.size() > MAX_APIS) {
      named.add((apis.size() - MAX_APIS) + " more APIs");
    }
    b.append(" (").append(String.join(", ", named));
    if (group.failed() > 0) {
      b.append(String.format(Locale.ROOT, "; %,d failed", group.failed()));
    }
    b.append(") by ").append(f.actor());
    if (f.firstSeen().equals(f.lastSeen())) {
      b.append(" at ").append(f.firstSeen());
    } else {
      b.append(" between ").append(f.firstSeen()).append(" and ").append(f.lastSeen());
    }
    return b.toString();
  }

  private static void list(StringBuilder b, IntelHit hit) {
    b.append("list '").append(hit.list()).append("' (").append(hit.kind().label());
    b.append(", confidence ").append(hit.confidence());
    b.append(String.format(Locale.ROOT, ", %,d entries", hit.listSize()));
    if (!hit.exact()) {
      b.append(", entry ").append(hit.indicator());
    }
    if (hit.reference() != null) {
      b.append(", ").append(hit.reference());
    }
    if (!hit.labels().isEmpty()) {
      b.append(", labels ").append(String.join("/", hit.labels()));
    }
    b.append(')');
  }
}
