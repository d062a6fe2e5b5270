package io.trailhound.detect;

/** A compiled piece of a rule: immutable, evaluated against one event's context. */
interface Matcher {

  boolean matches(EvalContext context);
}
