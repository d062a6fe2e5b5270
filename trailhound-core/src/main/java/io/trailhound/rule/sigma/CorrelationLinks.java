package io.trailhound.rule.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves what correlation rules reference — detection rules or other correlation rules (chains),
 * by id or by name — once every rule is known, and reports references to unknown rules and
 * reference cycles, each at the place the reference is written. A reference that names no rule but
 * a built-in detector ({@link BuiltInDetectors}) resolves to that detector: its findings feed the
 * correlation.
 */
public final class CorrelationLinks {

  private final Map<String, SigmaRule> base = new HashMap<>();
  private final Map<String, CorrelationRule> correlations = new HashMap<>();
  private final List<RuleProblem> problems = new ArrayList<>();

  private CorrelationLinks(List<SigmaRule> rules, List<CorrelationRule> correlationRules) {
    for (SigmaRule r : rules) {
      if (r.name() != null) {
        base.putIfAbsent(r.name(), r);
      }
      if (r.id() != null) {
        base.putIfAbsent(r.id(), r);
      }
    }
    for (CorrelationRule c : correlationRules) {
      if (c.name() != null) {
        correlations.putIfAbsent(c.name(), c);
      }
      if (c.id() != null) {
        correlations.putIfAbsent(c.id(), c);
      }
    }
    for (CorrelationRule c : correlationRules) {
      for (RuleRef ref : c.correlation().rules()) {
        if (!base.containsKey(ref.target())
            && !correlations.containsKey(ref.target())
            && !BuiltInDetectors.contains(ref.target())) {
          problems.add(
              RuleProblem.error(
                  c.source(),
                  ref.line(),
                  ref.column(),
                  "correlation references unknown rule '" + ref.target() + "'"));
        }
      }
    }
    Map<CorrelationRule, Integer> state = new IdentityHashMap<>();
    for (CorrelationRule c : correlationRules) {
      cycle(c, state);
    }
  }

  /** Resolves the references of {@code correlationRules} against all the given rules. */
  public static CorrelationLinks of(List<SigmaRule> rules, List<CorrelationRule> correlationRules) {
    return new CorrelationLinks(rules, correlationRules);
  }

  /** Unknown references and cycles; empty when every reference resolves. */
  public List<RuleProblem> problems() {
    return List.copyOf(problems);
  }

  /** The detection rule {@code ref} names, or null (a correlation rule or unknown). */
  public SigmaRule base(RuleRef ref) {
    return correlations.containsKey(ref.target()) && !base.containsKey(ref.target())
        ? null
        : base.get(ref.target());
  }

  /** The correlation rule {@code ref} names, or null. */
  public CorrelationRule correlation(RuleRef ref) {
    return base.containsKey(ref.target()) ? null : correlations.get(ref.target());
  }

  /**
   * The built-in detector {@code ref} names (its id), or null when it names a rule or nothing.
   * Rules win over detectors of the same name.
   */
  public String detector(RuleRef ref) {
    return base.containsKey(ref.target())
            || correlations.containsKey(ref.target())
            || !BuiltInDetectors.contains(ref.target())
        ? null
        : ref.target();
  }

  private static final int VISITING = 1;
  private static final int DONE = 2;

  private void cycle(CorrelationRule c, Map<CorrelationRule, Integer> state) {
    Integer s = state.get(c);
    if (s != null) {
      return;
    }
    state.put(c, VISITING);
    for (RuleRef ref : c.correlation().rules()) {
      CorrelationRule next = correlation(ref);
      if (next == null) {
        continue;
      }
      if (Integer.valueOf(VISITING).equals(state.get(next))) {
        problems.add(
            RuleProblem.error(
                c.source(),
                ref.line(),
                ref.column(),
                "correlation chain loops back to '" + ref.target() + "'"));
      } else {
        cycle(next, state);
      }
    }
    state.put(c, DONE);
  }
}
