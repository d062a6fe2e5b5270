package io.trailhound.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes coverage: which catalogue entries the loaded rules and detectors declare. Declarations
 * are explicit labels, never guesses from detection logic: a GuardDuty type is covered when a
 * rule's or detector's {@code finding_types} names it, a Stratus technique when its {@code stratus}
 * attribute names it, an ATT&amp;CK technique when an {@code attack.t*} tag names it or one of its
 * sub-techniques (a rule for T1562.008 covers T1562 too, not the other way round). Tests keep the
 * labels honest: every label has a fixture that fires.
 */
public final class Coverage {

  private Coverage() {}

  public static CoverageReport compute(CoverageCatalogs catalogs, List<ContentItem> content) {
    Map<String, List<String>> byType = index(content, ContentItem::findingTypes);
    Map<String, List<String>> byTechnique = index(content, ContentItem::techniques);
    Map<String, List<String>> byStratus = index(content, ContentItem::stratus);

    List<Covered<GuardDutyType>> guardDuty = new ArrayList<>();
    for (GuardDutyType t : catalogs.guardDuty()) {
      if (t.inScope()) {
        guardDuty.add(new Covered<>(t, byType.getOrDefault(t.type(), List.of())));
      }
    }
    List<Covered<AttackTechnique>> attack = new ArrayList<>();
    for (AttackTechnique t : catalogs.attack()) {
      List<String> by = new ArrayList<>();
      byTechnique.forEach(
          (id, names) -> {
            if (id.equals(t.id()) || (id.startsWith(t.id() + ".") && t.id().equals(t.parentId()))) {
              names.stream().filter(n -> !by.contains(n)).forEach(by::add);
            }
          });
      attack.add(new Covered<>(t, by));
    }
    List<Covered<StratusTechnique>> stratus = new ArrayList<>();
    for (StratusTechnique t : catalogs.stratus()) {
      stratus.add(new Covered<>(t, byStratus.getOrDefault(t.id(), List.of())));
    }
    Set<String> knownTypes =
        catalogs.guardDuty().stream().map(GuardDutyType::type).collect(Collectors.toSet());
    Set<String> knownStratus =
        catalogs.stratus().stream().map(StratusTechnique::id).collect(Collectors.toSet());
    return new CoverageReport(
        guardDuty, attack, stratus, unknown(byType, knownTypes), unknown(byStratus, knownStratus));
  }

  /** Label → names of the content declaring it, names in content order. */
  private static Map<String, List<String>> index(
      List<ContentItem> content, Function<ContentItem, List<String>> labels) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ContentItem item : content) {
      for (String label : labels.apply(item)) {
        List<String> names = out.computeIfAbsent(label, k -> new ArrayList<>());
        if (!names.contains(item.name())) {
          names.add(item.name());
        }
      }
    }
    return out;
  }

  private static List<String> unknown(Map<String, List<String>> declared, Set<String> known) {
    Map<String, List<String>> sorted = new TreeMap<>(declared);
    List<String> out = new ArrayList<>();
    sorted.forEach(
        (label, names) -> {
          if (!known.contains(label)) {
            out.add(label + " <- " + String.join(", ", names));
          }
        });
    return out;
  }
}
