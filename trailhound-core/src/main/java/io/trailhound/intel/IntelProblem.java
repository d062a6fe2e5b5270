package io.trailhound.intel;

/**
 * An entry of a list that was not used, with where and why.
 *
 * @param line 1-based line of a text or CSV list; for a STIX bundle the 1-based position of the
 *     object in {@code objects}
 * @param reason what is wrong ({@code not an IP, CIDR or domain}, {@code expired
 *     2024-01-01T00:00Z})
 * @param text the offending text, cut to 80 characters (log-derived: escape before printing)
 */
public record IntelProblem(int line, String reason, String text) {

  static IntelProblem of(int line, String reason, String text) {
    String t = text == null ? "" : text.strip();
    return new IntelProblem(line, reason, t.length() > 80 ? t.substring(0, 80) + "…" : t);
  }
}
