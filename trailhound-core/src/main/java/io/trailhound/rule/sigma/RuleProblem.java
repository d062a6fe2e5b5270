package io.trailhound.rule.sigma;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in a rule file, with the place it was found.
 *
 * @param file the rule file as given to the parser
 * @param line one-based line, 0 when unknown
 * @param column one-based column, 0 when unknown
 * @param severity how bad it is
 * @param message what is wrong, naming the offending text
 */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {

  /** How bad a problem is: only errors stop a rule from loading. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO
  }

  public RuleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  static RuleProblem error(String file, int line, int column, String message) {
    return new RuleProblem(file, line, column, Severity.ERROR, message);
  }

  static RuleProblem warning(String file, int line, int column, String message) {
    return new RuleProblem(file, line, column, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path/to/rule.yml:12:5: error: unknown modifier 'conatins'}. */
  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + severity.name().toLowerCase(Locale.ROOT)
        + ": "
        + message;
  }
}
