/**
 * The Sigma rule language: {@link io.trailhound.rule.sigma.SigmaParser} turns YAML into immutable
 * {@link io.trailhound.rule.sigma.SigmaRule}s (condition AST, searches, typed values) with every
 * problem located by file, line and column; {@link io.trailhound.rule.sigma.RuleLoader} reads rule
 * trees and classpath indexes. The rule tree knows nothing about matching, so later stages
 * (detection engine, correlation rules) build on it without changing it.
 *
 * <p>Sigma 1.0 syntax removed in Sigma 2.0 (the aggregation pipe {@code | count() ...}, {@code |
 * near}, {@code timeframe} in detection, {@code action:} collections) is rejected with an error
 * that names it and the correlation rule type to use instead. Correlation rules and filters are
 * recognised and skipped with an INFO note until they are supported.
 */
package io.trailhound.rule.sigma;
