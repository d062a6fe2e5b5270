package io.trailhound.finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads MITRE ATT&amp;CK technique ids and tactics out of Sigma tags ({@code attack.t1078.004}).
 */
public final class AttackTag {

  private AttackTag() {}

  /** Technique ids in upper case ({@code T1078.004}), in tag order, without duplicates. */
  public static List<String> techniques(List<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String tag : tags) {
      String t = tag.toLowerCase(Locale.ROOT);
      if (t.startsWith("attack.t") && t.length() > 9 && Character.isDigit(t.charAt(8))) {
        out.add(t.substring(7).toUpperCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  /** Tactic names as Sigma writes them ({@code privilege-escalation}), in tag order. */
  public static List<String> tactics(List<String> tags) {
    List<String> out = new ArrayList<>();
    for (String tag : tags) {
      String t = tag.toLowerCase(Locale.ROOT);
      if (t.startsWith("attack.")
          && !(t.length() > 8 && t.charAt(7) == 't' && Character.isDigit(t.charAt(8)))
          && !(t.length() > 8 && t.charAt(7) == 'g' && Character.isDigit(t.charAt(8)))
          && !(t.length() > 8 && t.charAt(7) == 's' && Character.isDigit(t.charAt(8)))) {
        String name = t.substring(7);
        if (!out.contains(name)) {
          out.add(name);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * A tactic name as ATT&amp;CK titles it: {@code privilege-escalation} → {@code Privilege
   * Escalation}.
   */
  public static String tacticTitle(String tactic) {
    StringBuilder b = new StringBuilder();
    for (String word : tactic.split("[-_]")) {
      if (word.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      if (word.equals("and")) {
        b.append(word);
      } else {
        b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return b.toString();
  }
}
