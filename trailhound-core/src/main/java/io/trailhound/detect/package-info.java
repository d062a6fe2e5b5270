/**
 * Matching: {@link io.trailhound.detect.DetectionEngine} compiles parsed Sigma rules once into
 * immutable, indexed matchers and evaluates events against them.
 *
 * <p>Decisions where Sigma engines disagree:
 *
 * <ul>
 *   <li>Matching ignores case (per-character folding, as {@link String#equalsIgnoreCase}) unless
 *       {@code cased}; {@code re} is case-sensitive unless {@code i}, and is an unanchored search
 *       (RE2/J, linear time).
 *   <li>{@code field: null} matches a missing field or a JSON null; {@code ''} matches only an
 *       empty string. {@code exists: true} matches any present field, null and containers included.
 *   <li>A missing field fails every other value test, so {@code not} of a search on a missing field
 *       is true. {@code neq} needs the field to be present: it matches when none of the field's
 *       values equals any listed value.
 *   <li>An array field matches when any element matches. {@code |all} needs each listed value to be
 *       met by some element, not necessarily the same one; likewise the fields of one map are
 *       checked independently, so with arrays of objects they may match different elements.
 *   <li>A YAML number matches a JSON number or a string with the same literal text or the same
 *       numeric value ({@code 5} matches {@code 5}, {@code "5"} and {@code 5.0}); a quoted {@code
 *       '5'} is a string and compares by text ({@code 5} matches, {@code 5.0} does not). A YAML
 *       boolean matches a JSON boolean or the text {@code true}/{@code false}.
 *   <li>Keyword (field-less) values are substring searches over every string and number of the
 *       event; {@code base64offset} without {@code contains} is also a substring search.
 *   <li>Encodings (utf16*, base64*) encode the plain text of a value; wildcards in it are plain
 *       characters. {@code windash} varies dashes that start a flag.
 *   <li>Time modifiers read ISO-8601 text as written, without time-zone conversion.
 *   <li>An {@code expand} placeholder without configured values expands to nothing and matches
 *       nothing (the linter warns).
 *   <li>{@code cidr} parses addresses by hand; an IPv4 network does not contain IPv6 addresses.
 *   <li>Rules apply to the source types given by {@code logsources.yml} (product {@code aws} and
 *       service {@code cloudtrail} is {@code cloudtrail}); other logsources never match.
 * </ul>
 */
package io.trailhound.detect;
