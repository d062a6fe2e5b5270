package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.event.Event;
import io.trailhound.rule.sigma.SigmaString;
import io.trailhound.testing.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A condition over a long list of plain values (looked up at once) and a condition whose outcome is
 * remembered by text give exactly what testing each value with {@link String#equalsIgnoreCase}
 * gives, for texts in any case, texts whose non-ASCII characters fold onto ASCII letters (the
 * Kelvin sign, the dotless i) and texts met again.
 */
class FieldMatcherListTest {

  private static final List<String> WORDS =
      List.of(
          "ListBuckets",
          "GetObject",
          "DescribeInstances",
          "kms:Decrypt",
          "key",
          "id",
          "Straße",
          "ıd",
          "x",
          "Describe Instances",
          "123");

  @Property(tries = 1000)
  void a_list_matches_as_its_values_tested_one_by_one(
      @ForAll("lists") List<String> values, @ForAll("texts") String text, @ForAll boolean negated) {
    PathTable paths = new PathTable();
    FieldPath path = paths.of("eventName");
    List<ValueTest> groups = new ArrayList<>();
    for (String v : values) {
      groups.add(TextPattern.of(SigmaString.parse(v), false));
    }
    FieldMatcher matcher =
        new FieldMatcher(
            path, groups, negated ? FieldMatcher.Mode.NONE : FieldMatcher.Mode.ANY, false);
    boolean any = values.stream().anyMatch(text::equalsIgnoreCase);
    boolean expected = negated != any;

    Event event = TestEvents.cloudTrail(Map.of("eventName", text));
    assertThat(matcher.matches(new EvalContext(event, paths.size()))).isEqualTo(expected);
    // Again, now from the memo, and for an equal text in a new string.
    assertThat(matcher.matches(new EvalContext(event, paths.size()))).isEqualTo(expected);
    Event again = TestEvents.cloudTrail(Map.of("eventName", new String(text.toCharArray())));
    assertThat(matcher.matches(new EvalContext(again, paths.size()))).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<String>> lists() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(WORDS.size()).uniqueElements();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of(WORDS),
        Arbitraries.of(WORDS).map(w -> w.toUpperCase(Locale.ROOT)),
        Arbitraries.of(WORDS).map(w -> w.toLowerCase(Locale.ROOT)),
        Arbitraries.of(WORDS).map(w -> w.replace('k', '\u212A').replace('K', '\u212A')),
        Arbitraries.of(WORDS).map(w -> w.replace('i', '\u0131').replace('I', '\u0131')),
        Arbitraries.of(WORDS).map(w -> w + "s"),
        Arbitraries.strings().alpha().ofMaxLength(12));
  }
}
