package io.trailhound.investigate.report;

import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The entity graph of an incident as inline SVG: actors on the left, the keys and sessions they
 * used in the middle, the resources those touched on the right. Laid out in sorted order so the
 * same incident always draws the same picture.
 */
final class EntityGraph {

  static final int MAX_PER_COLUMN = 24;
  private static final int ROW = 26;
  private static final int[] X = {10, 330, 650};
  private static final int WIDTH = 300;

  private EntityGraph() {}

  static String svg(Incident incident) {
    Set<String> actors = new TreeSet<>();
    TreeMap<String, Set<String>> actorToCred = new TreeMap<>();
    TreeMap<String, Set<String>> credToRes = new TreeMap<>();
    for (Investigation inv : incident.investigations()) {
      if (inv.actor().principal() != null) {
        actors.add(inv.actor().display());
      }
    }
    for (Step s : incident.timeline()) {
      String actor = s.principal() == null ? "unknown" : s.principal();
      String cred = s.accessKeyId() != null ? s.accessKeyId() : "ip " + s.ip();
      actors.add(actor);
      actorToCred.computeIfAbsent(actor, k -> new TreeSet<>()).add(cred);
      for (String r : s.resources()) {
        credToRes.computeIfAbsent(cred, k -> new TreeSet<>()).add(r);
      }
    }
    List<String> col0 = cap(actors);
    Set<String> creds = new TreeSet<>();
    actorToCred.values().forEach(creds::addAll);
    List<String> col1 = cap(creds);
    Set<String> res = new TreeSet<>();
    credToRes.values().forEach(res::addAll);
    List<String> col2 = cap(res);
    int rows = Math.max(1, Math.max(col0.size(), Math.max(col1.size(), col2.size())));
    int height = rows * ROW + 20;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" width=\"960\" height=\"%d\""
                + " viewBox=\"0 0 960 %d\" role=\"img\" aria-label=\"entity graph\">",
            height,
            height));
    for (var e : actorToCred.entrySet()) {
      for (String c : e.getValue()) {
        edge(b, 0, col0.indexOf(e.getKey()), 1, col1.indexOf(c));
      }
    }
    for (var e : credToRes.entrySet()) {
      for (String r : e.getValue()) {
        edge(b, 1, col1.indexOf(e.getKey()), 2, col2.indexOf(r));
      }
    }
    nodes(b, 0, col0, "actor");
    nodes(b, 1, col1, "cred");
    nodes(b, 2, col2, "res");
    b.append("</svg>");
    return b.toString();
  }

  private static List<String> cap(Set<String> values) {
    List<String> out = new ArrayList<>(values);
    if (out.size() > MAX_PER_COLUMN) {
      int more = out.size() - MAX_PER_COLUMN + 1;
      out = new ArrayList<>(out.subList(0, MAX_PER_COLUMN - 1));
      out.add("… " + more + " more");
    }
    return out;
  }

  private static void edge(StringBuilder b, int c0, int r0, int c1, int r1) {
    if (r0 < 0 || r1 < 0) {
      return;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"edge\"/>",
            X[c0] + WIDTH,
            10 + r0 * ROW + 10,
            X[c1],
            10 + r1 * ROW + 10));
  }

  private static void nodes(StringBuilder b, int col, List<String> labels, String css) {
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      String shown = label.length() > 46 ? "…" + label.substring(label.length() - 45) : label;
      b.append(
          String.format(
              Locale.ROOT,
              "<g class=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" rx=\"4\"/>"
                  + "<text x=\"%d\" y=\"%d\"><title>%s</title>%s</text></g>",
              css,
              X[col],
              10 + i * ROW,
              WIDTH,
              X[col] + 6,
              10 + i * ROW + 14,
              Escape.html(label),
              Escape.html(shown)));
    }
  }
}
