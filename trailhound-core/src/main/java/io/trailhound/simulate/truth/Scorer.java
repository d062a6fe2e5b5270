package io.trailhound.simulate.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores findings in the JSONL contract ({@code rule_name}, {@code severity}, {@code evidence})
 * against a {@link GroundTruth}. Evidence is capped at 100 ids per finding, so recall counts what
 * findings name, not everything they matched.
 */
public final class Scorer {

  private Scorer() {}

  /**
   * Scores a JSONL findings file. Lines that are not JSON objects with an {@code evidence} array
   * are skipped and listed in {@link Score#skippedLines}; the rest are still scored.
   */
  public static Score score(Path findings, GroundTruth truth) throws IOException {
    List<JsonNode> list = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(findings, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = json.readTree(line);
          if (node != null && node.isObject() && node.path("evidence").isArray()) {
            list.add(node);
          } else {
            skipped.add(findings + ":" + n + ": not a finding (no evidence array)");
          }
        } catch (JsonProcessingException e) {
          skipped.add(findings + ":" + n + ": not JSON");
        }
      }
    }
    Score s = score(list, truth);
    return new Score(s.scenarios(), s.backgroundBySeverity(), s.backgroundRules(), skipped);
  }

  /** Scores findings already parsed, one JSON object each. */
  public static Score score(List<JsonNode> findings, GroundTruth truth) {
    Map<String, String> owner = new HashMap<>();
    for (TruthScenario s : truth.scenarios()) {
      s.eventIds().forEach(id -> owner.put(id, s.id()));
    }
    Map<String, Set<String>> rules = new HashMap<>();
    Map<String, Set<String>> named = new HashMap<>();
    Map<String, long[]> evidence = new HashMap<>();
    Map<String, Long> background = new TreeMap<>();
    Set<String> networkHits = new HashSet<>();
    Set<String> backgroundRules = new TreeSet<>();
    for (JsonNode f : findings) {
      String rule = f.path("rule_name").asText();
      String severity = f.path("severity").asText();
      Map<String, Integer> hits = new HashMap<>();
      int total = 0;
      for (JsonNode e : f.path("evidence")) {
        total++;
        String s = owner.get(e.asText());
        if (s != null) {
          hits.merge(s, 1, Integer::sum);
          named.computeIfAbsent(s, k -> new HashSet<>()).add(e.asText());
        }
      }
      if (hits.isEmpty()) {
        // Network findings name no event ids: they belong to the scenario whose instance or
        // interface they are about.
        String scenario = networkOwner(f, truth);
        if (scenario != null) {
          rules.computeIfAbsent(scenario, k -> new TreeSet<>()).add(rule);
          networkHits.add(scenario);
          continue;
        }
        background.merge(severity, 1L, Long::sum);
        backgroundRules.add(rule + " (" + severity + ")");
        continue;
      }
      for (Map.Entry<String, Integer> h : hits.entrySet()) {
        rules.computeIfAbsent(h.getKey(), k -> new TreeSet<>()).add(rule);
        long[] pr = evidence.computeIfAbsent(h.getKey(), k -> new long[2]);
        pr[0] += h.getValue();
        pr[1] += total;
      }
    }
    List<Score.ScenarioScore> out = new ArrayList<>();
    for (TruthScenario s : truth.scenarios()) {
      long[] pr = evidence.getOrDefault(s.id(), new long[2]);
      int found = named.getOrDefault(s.id(), Set.of()).size();
      out.add(
          new Score.ScenarioScore(
              s.id(),
              s.kind(),
              pr[0] > 0 || networkHits.contains(s.id()),
              List.copyOf(rules.getOrDefault(s.id(), Set.of())),
              pr[1] == 0 ? 0 : (double) pr[0] / pr[1],
              s.eventIds().isEmpty() ? 0 : (double) found / s.eventIds().size()));
    }
    return new Score(out, background, List.copyOf(backgroundRules), List.of());
  }

  /** The scenario whose network resources the finding's actor or resources name, or null. */
  private static String networkOwner(JsonNode f, GroundTruth truth) {
    String about = f.path("actor").asText("") + " " + f.path("resources").toString();
    for (TruthScenario s : truth.scenarios()) {
      for (String id : s.networkIds()) {
        if (about.contains(id)) {
          return s.id();
        }
      }
    }
    return null;
  }
}
