package io.trailhound.integrity;

import java.time.Instant;
import java.util.Objects;

/**
 * One integrity problem.
 *
 * @param kind what is wrong
 * @param path the file concerned, relative to the verified root ({@code /} separators)
 * @param account account id, or null when unknown
 * @param region region, or null when unknown
 * @param trail trail name, or null when unknown (unlisted log files)
 * @param from start of the time window concerned (digest window or log file time), or null
 * @param to end of that window, or null
 * @param detail a sentence saying what was found
 */
public record Problem(
    ProblemKind kind,
    String path,
    String account,
    String region,
    String trail,
    Instant from,
    Instant to,
    String detail) {

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    detail = detail == null ? "" : detail;
  }
}
