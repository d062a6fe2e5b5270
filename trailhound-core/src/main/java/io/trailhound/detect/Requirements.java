package io.trailhound.detect;

import io.trailhound.rule.sigma.Condition;
import io.trailhound.rule.sigma.Detection;
import io.trailhound.rule.sigma.FieldCondition;
import io.trailhound.rule.sigma.Modifier;
import io.trailhound.rule.sigma.Search;
import io.trailhound.rule.sigma.SigmaString;
import io.trailhound.rule.sigma.SigmaValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the values a rule requires on a field: a set such that the rule cannot match an event
 * unless the field has one of them (case-folded as {@link FoldedIndex#fold}), or null when the
 * condition does not force the field to a known value on every branch.
 */
final class Requirements {

  private Requirements() {}

  static Set<String> of(Detection detection, String field) {
    return condition(detection.condition(), detection, field);
  }

  /** Every field the detection's searches name, in rule order. */
  static List<String> fieldsOf(Detection detection) {
    List<String> out = new ArrayList<>();
    detection.searches().values().forEach(s -> fieldsOf(s, out));
    return out;
  }

  private static void fieldsOf(Search search, List<String> out) {
    if (search instanceof Search.AnyOf anyOf) {
      anyOf.alternatives().forEach(a -> fieldsOf(a, out));
      return;
    }
    for (FieldCondition c : ((Search.AllFields) search).conditions()) {
      if (!c.isKeyword() && !out.contains(c.field())) {
        out.add(c.field());
      }
    }
  }

  private static Set<String> condition(Condition c, Detection detection, String field) {
    if (c instanceof Condition.And and) {
      return narrowest(and.operands().stream().map(o -> condition(o, detection, field)).toList());
    }
    if (c instanceof Condition.Or or) {
      return union(or.operands().stream().map(o -> condition(o, detection, field)).toList());
    }
    if (c instanceof Condition.Not) {
      return null;
    }
    if (c instanceof Condition.Ref ref) {
      return search(detection.searches().get(ref.identifier()), field);
    }
    Condition.Quantified q = (Condition.Quantified) c;
    List<Set<String>> each =
        detection.searches().entrySet().stream()
            .filter(e -> q.selects(e.getKey()))
            .map(e -> search(e.getValue(), field))
            .toList();
    return q.quantifier() == Condition.Quantifier.ALL ? narrowest(each) : union(each);
  }

  private static Set<String> search(Search search, String field) {
    if (search instanceof Search.AnyOf anyOf) {
      return union(anyOf.alternatives().stream().map(a -> search(a, field)).toList());
    }
    return narrowest(
        ((Search.AllFields) search)
            .conditions().stream().map(c -> fieldCondition(c, field)).toList());
  }

  private static Set<String> fieldCondition(FieldCondition c, String field) {
    if (c.isKeyword() || !c.field().equals(field)) {
      return null;
    }
    for (Modifier m : c.modifiers()) {
      if (m != Modifier.CASED) {
        return null;
      }
    }
    Set<String> values = new HashSet<>();
    for (SigmaValue v : c.values()) {
      String text;
      if (v instanceof SigmaValue.Str s) {
        SigmaString parsed = s.parsed();
        if (parsed.hasWildcards()) {
          return null;
        }
        text = parsed.plain();
      } else if (v instanceof SigmaValue.Num n && n.decimal() == null) {
        text = n.literal();
      } else {
        return null;
      }
      values.add(FoldedIndex.fold(text));
    }
    return values;
  }

  private static Set<String> narrowest(List<Set<String>> sets) {
    Set<String> best = null;
    for (Set<String> s : sets) {
      if (s != null && (best == null || s.size() < best.size())) {
        best = s;
      }
    }
    return best;
  }

  private static Set<String> union(List<Set<String>> sets) {
    if (sets.isEmpty()) {
      return null;
    }
    Set<String> all = new HashSet<>();
    for (Set<String> s : sets) {
      if (s == null) {
        return null;
      }
      all.addAll(s);
    }
    return all;
  }
}
