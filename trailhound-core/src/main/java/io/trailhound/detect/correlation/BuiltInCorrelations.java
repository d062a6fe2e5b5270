package io.trailhound.detect.correlation;

import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.RuleLoader;

/**
 * The built-in correlation pack: correlation rules and the detection rules they reference (their
 * building blocks, mostly {@code generate: false}), listed in their own index so the single-event
 * pack can be loaded without them.
 */
public final class BuiltInCorrelations {

  /** Index of the built-in correlation rules and their base rules, one resource path per line. */
  public static final String INDEX = "content/rules/correlation/INDEX";

  private BuiltInCorrelations() {}

  /** The pack's detection rules and correlation rules, with every problem (none when shipped). */
  public static ParseResult collect() {
    return RuleLoader.collectFromClasspath(BuiltInCorrelations.class.getClassLoader(), INDEX);
  }
}
