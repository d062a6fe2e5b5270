package io.trailhound.detect;

import io.trailhound.event.FieldValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one source type, indexed by the values they require on key fields ({@code eventName}
 * first, then {@code eventSource}): each rule sits in exactly one place, the bucket of the first
 * key field it constrains or else the always-evaluated list.
 */
final class RuleSet {

  private final FieldPath[] keyFields;
  private final List<FoldedIndex<CompiledRule[]>> indexes = new ArrayList<>();
  private final CompiledRule[] always;

  /**
   * Recent bucket lookups per key field, by text: event names and sources repeat on nearly every
   * event, and looking one up again with its cached hash is cheaper than folding and hashing it. An
   * unknown text is remembered with {@link #NONE}.
   */
  private final List<RecentByText<CompiledRule[]>> recent = new ArrayList<>();

  private static final int RECENT_SLOTS = 256;

  private static final CompiledRule[] NONE = new CompiledRule[0];

  private final List<CompiledRule> all;

  /**
   * @param preferred key fields tried first, in order; a rule constraining none of them is indexed
   *     by the first other field it constrains, if any
   */
  RuleSet(List<CompiledRule> rules, List<String> preferred, PathTable paths) {
    this.all = List.copyOf(rules);
    List<String> fields = new ArrayList<>(preferred);
    List<Map<String, List<CompiledRule>>> buckets = new ArrayList<>();
    preferred.forEach(f -> buckets.add(new LinkedHashMap<>()));
    List<CompiledRule> unindexed = new ArrayList<>();
    for (CompiledRule rule : rules) {
      List<String> candidates = new ArrayList<>(preferred);
      candidates.addAll(Requirements.fieldsOf(rule.rule().detection()));
      boolean placed = false;
      for (String field : candidates) {
        Set<String> required = Requirements.of(rule.rule().detection(), field);
        if (required != null) {
          int slot = fields.indexOf(field);
          if (slot < 0) {
            slot = fields.size();
            fields.add(field);
            buckets.add(new LinkedHashMap<>());
          }
          for (String value : required) {
            buckets.get(slot).computeIfAbsent(value, v -> new ArrayList<>()).add(rule);
          }
          placed = true;
          break;
        }
      }
      if (!placed) {
        unindexed.add(rule);
      }
    }
    this.keyFields = fields.stream().map(paths::of).toArray(FieldPath[]::new);
    for (Map<String, List<CompiledRule>> bucket : buckets) {
      Map<String, CompiledRule[]> arrays = new LinkedHashMap<>();
      bucket.forEach((k, v) -> arrays.put(k, v.toArray(new CompiledRule[0])));
      indexes.add(new FoldedIndex<>(arrays));
    }
    always = unindexed.toArray(new CompiledRule[0]);
    for (int i = 0; i < keyFields.length; i++) {
      recent.add(new RecentByText<>(RECENT_SLOTS));
    }
  }

  private CompiledRule[] bucket(int field, String text) {
    RecentByText<CompiledRule[]> memo = recent.get(field);
    CompiledRule[] known = memo.get(text);
    if (known != null) {
      return known;
    }
    CompiledRule[] rules = indexes.get(field).get(text);
    memo.put(text, rules == null ? NONE : rules);
    return rules == null ? NONE : rules;
  }

  /** Calls {@code sink} with every rule the event can match, each at most once. */
  void candidates(EvalContext context, List<CompiledRule> sink) {
    for (int i = 0; i < keyFields.length; i++) {
      List<FieldValue> values = context.values(keyFields[i]);
      int before = sink.size();
      for (int v = 0, n = values.size(); v < n; v++) {
        String text = values.get(v).text();
        CompiledRule[] bucket = text == null ? NONE : bucket(i, text);
        if (bucket.length > 0) {
          for (CompiledRule rule : bucket) {
            if (n == 1 || !sink.subList(before, sink.size()).contains(rule)) {
              sink.add(rule);
            }
          }
        }
      }
    }
    for (CompiledRule rule : always) {
      sink.add(rule);
    }
  }

  /** Every rule, in order, bypassing the index (for tests of the index). */
  List<CompiledRule> all() {
    return all;
  }
}
