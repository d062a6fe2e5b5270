package io.trailhound.rule.sigma;

import java.util.List;

/** The body of one search identifier of a detection. */
public sealed interface Search {

  /** A map: every field condition holds (keyword lists are a field condition without a field). */
  record AllFields(List<FieldCondition> conditions) implements Search {
    public AllFields {
      conditions = List.copyOf(conditions);
    }
  }

  /** A list of maps: at least one alternative holds. */
  record AnyOf(List<Search> alternatives) implements Search {
    public AnyOf {
      alternatives = List.copyOf(alternatives);
    }
  }
}
