package io.trailhound.rule.sigma;

/**
 * The log a rule applies to; each part may be null.
 *
 * @param category e.g. {@code process_creation}
 * @param product e.g. {@code aws}
 * @param service e.g. {@code cloudtrail}
 */
public record LogSource(String category, String product, String service) {}
