package io.trailhound.detect;

import com.google.re2j.PatternSyntaxException;
import io.trailhound.rule.sigma.Condition;
import io.trailhound.rule.sigma.Detection;
import io.trailhound.rule.sigma.FieldCondition;
import io.trailhound.rule.sigma.RuleException;
import io.trailhound.rule.sigma.RuleProblem;
import io.trailhound.rule.sigma.Search;
import io.trailhound.rule.sigma.SigmaRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles a detection's condition and searches into one {@link Matcher} tree. */
final class ConditionCompiler {

  private final ValueCompiler values;

  ConditionCompiler(ValueCompiler values) {
    this.values = values;
  }

  /**
   * @throws RuleException when a configured placeholder value is not valid for its modifiers (an
   *     invalid regular expression or CIDR)
   */
  Matcher compile(SigmaRule rule) {
    Detection detection = rule.detection();
    String source = rule.source();
    Map<String, Matcher> searches = new HashMap<>();
    detection.searches().forEach((name, search) -> searches.put(name, search(search, source)));
    return condition(detection.condition(), detection, searches);
  }

  private Matcher condition(Condition c, Detection detection, Map<String, Matcher> searches) {
    if (c instanceof Condition.And and) {
      return all(compileAll(and.operands(), detection, searches));
    }
    if (c instanceof Condition.Or or) {
      return any(compileAll(or.operands(), detection, searches));
    }
    if (c instanceof Condition.Not not) {
      Matcher inner = condition(not.operand(), detection, searches);
      return context -> !inner.matches(context);
    }
    if (c instanceof Condition.Ref ref) {
      return searches.get(ref.identifier());
    }
    Condition.Quantified q = (Condition.Quantified) c;
    List<Matcher> selected = new ArrayList<>();
    detection.searches().keySet().stream()
        .filter(q::selects)
        .forEach(name -> selected.add(searches.get(name)));
    return q.quantifier() == Condition.Quantifier.ALL ? all(selected) : any(selected);
  }

  private List<Matcher> compileAll(
      List<Condition> conditions, Detection detection, Map<String, Matcher> searches) {
    List<Matcher> out = new ArrayList<>();
    conditions.forEach(c -> out.add(condition(c, detection, searches)));
    return out;
  }

  private Matcher search(Search search, String source) {
    if (search instanceof Search.AnyOf anyOf) {
      List<Matcher> out = new ArrayList<>();
      anyOf.alternatives().forEach(a -> out.add(search(a, source)));
      return any(out);
    }
    List<Matcher> out = new ArrayList<>();
    for (FieldCondition c : ((Search.AllFields) search).conditions()) {
      try {
        out.add(values.compile(c));
      } catch (IllegalArgumentException | PatternSyntaxException e) {
        throw new RuleException(
            List.of(
                new RuleProblem(
                    source,
                    c.line(),
                    c.column(),
                    RuleProblem.Severity.ERROR,
                    "an expanded placeholder value is invalid: " + e.getMessage())));
      }
    }
    return all(out);
  }

  static Matcher all(List<Matcher> operands) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    Matcher[] array = operands.toArray(new Matcher[0]);
    return context -> {
      for (Matcher m : array) {
        if (!m.matches(context)) {
          return false;
        }
      }
      return true;
    };
  }

  static Matcher any(List<Matcher> operands) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    Matcher[] array = operands.toArray(new Matcher[0]);
    return context -> {
      for (Matcher m : array) {
        if (m.matches(context)) {
          return true;
        }
      }
      return false;
    };
  }
}
