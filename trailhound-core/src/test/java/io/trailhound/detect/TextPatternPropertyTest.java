package io.trailhound.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.trailhound.rule.sigma.SigmaString;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The hand-written wildcard matcher agrees with an equivalent anchored regular expression. */
class TextPatternPropertyTest {

  private static String regexOf(SigmaString s) {
    StringBuilder out = new StringBuilder();
    for (SigmaString.Part part : s.parts()) {
      if (part instanceof SigmaString.Literal literal) {
        out.append(Pattern.quote(literal.text()));
      } else {
        out.append(part == SigmaString.AnyRun.INSTANCE ? "(?s:.*)" : "(?s:.)");
      }
    }
    return out.toString();
  }

  @Property(tries = 2000)
  void wildcard_matching_agrees_with_regex(
      @ForAll @StringLength(max = 8) @Chars({'a', 'B', '*', '?', '\\', '-'}) String raw,
      @ForAll @StringLength(max = 12) @Chars({'a', 'A', 'b', 'B', '*', '?', '\\', '-'}) String text,
      @ForAll boolean cased) {
    SigmaString pattern = SigmaString.parse(raw);
    int flags = cased ? 0 : Pattern.CASE_INSENSITIVE;
    boolean expected = Pattern.compile(regexOf(pattern), flags).matcher(text).matches();
    assertThat(TextPattern.of(pattern, cased).testText(text)).isEqualTo(expected);
  }

  /** Case folding as {@link String#regionMatches(boolean, int, String, int, int)} folds. */
  @Property(tries = 2000)
  void contains_and_globs_fold_case_as_region_matches(
      @ForAll
          @StringLength(min = 1, max = 4)
          @Chars({'a', 'A', '@', '`', '[', '{', 's', 'S', '\u017F', 'k', '\u212A', 'i', '\u0130'})
          String literal,
      @ForAll
          @StringLength(max = 10)
          @Chars({'a', 'A', '@', '`', '[', '{', 's', 'S', '\u017F', 'k', '\u212A', 'i', '\u0130'})
          String text) {
    boolean expected = false;
    for (int i = 0; i + literal.length() <= text.length() && !expected; i++) {
      expected = text.regionMatches(true, i, literal, 0, literal.length());
    }
    assertThat(TextPattern.of(SigmaString.parse("*" + literal + "*"), false).testText(text))
        .isEqualTo(expected);
    assertThat(TextPattern.of(SigmaString.parse("?*" + literal + "*"), false).testText("-" + text))
        .isEqualTo(expected);
  }

  @Property(tries = 500)
  void index_finds_keys_in_any_ascii_case(
      @ForAll @StringLength(min = 1, max = 12) @CharRange(from = 'A', to = 'z') String key) {
    FoldedIndex<String> index = new FoldedIndex<>(java.util.Map.of(FoldedIndex.fold(key), "v"));
    assertThat(index.get(key)).isEqualTo("v");
    assertThat(index.get(key.toUpperCase(java.util.Locale.ROOT))).isEqualTo("v");
    assertThat(index.get(key + "x")).isNull();
  }
}
