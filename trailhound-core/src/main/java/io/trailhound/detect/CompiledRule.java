package io.trailhound.detect;

import io.trailhound.rule.sigma.SigmaRule;

/** A rule with its compiled matcher and its position in the rule list (for stable ordering). */
record CompiledRule(int ordinal, SigmaRule rule, Matcher matcher) {}
