package io.trailhound.rule.sigma;

import java.util.Locale;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Types YAML scalars of a detection the way YAML resolved them. */
final class SigmaValues {

  private SigmaValues() {}

  static SigmaValue of(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return SigmaValue.Null.INSTANCE;
    }
    if (Tag.BOOL.equals(tag)) {
      return new SigmaValue.Bool(isTrue(text));
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return new SigmaValue.Num(text);
    }
    return new SigmaValue.Str(text);
  }

  /** YAML 1.1 booleans: {@code true}, {@code yes}, {@code on} (any case) are true. */
  static boolean isTrue(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
  }
}
