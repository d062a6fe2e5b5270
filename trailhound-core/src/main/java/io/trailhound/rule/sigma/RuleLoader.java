package io.trailhound.rule.sigma;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads Sigma rules from a directory tree or from the classpath. {@code load*} methods fail fast
 * with a {@link RuleException} holding every problem; {@code collect*} methods return the valid
 * rules together with all problems (for linting). Files and index entries are read in sorted order,
 * so the rule order is deterministic.
 */
public final class RuleLoader {

  private RuleLoader() {}

  /** Every rule in {@code .yml}/{@code .yaml} files under {@code dir}; throws on any error. */
  public static List<SigmaRule> load(Path dir) {
    return collect(dir).orThrow();
  }

  /**
   * Every valid rule (detection and correlation) under {@code dir} and every problem found,
   * including correlation references that no rule of the tree resolves.
   */
  public static ParseResult collect(Path dir) {
    List<SigmaRule> rules = new ArrayList<>();
    List<CorrelationRule> correlations = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(RuleLoader::isYaml)
              .sorted((a, b) -> a.toString().compareTo(b.toString()))
              .toList();
    } catch (IOException e) {
      return new ParseResult(
          List.of(), List.of(RuleProblem.error(dir.toString(), 0, 0, "cannot read: " + e)));
    }
    for (Path file : files) {
      try {
        add(
            SigmaParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()),
            rules,
            correlations,
            problems);
      } catch (IOException e) {
        problems.add(RuleProblem.error(file.toString(), 0, 0, "cannot read: " + e));
      }
    }
    return linked(rules, correlations, problems);
  }

  /**
   * Every rule listed in the index resource {@code index}: a UTF-8 text file with one resource path
   * per line (blank lines and lines starting with {@code #} ignored). Throws on any error.
   */
  public static List<SigmaRule> loadFromClasspath(ClassLoader loader, String index) {
    return collectFromClasspath(loader, index).orThrow();
  }

  /** Like {@link #loadFromClasspath} but returns the valid rules with all problems. */
  public static ParseResult collectFromClasspath(ClassLoader loader, String index) {
    List<SigmaRule> rules = new ArrayList<>();
    List<CorrelationRule> correlations = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    String listing = resource(loader, index);
    if (listing == null) {
      return new ParseResult(
          List.of(), List.of(RuleProblem.error(index, 0, 0, "index resource not found")));
    }
    String[] lines = listing.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String path = lines[i].trim();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      String text = resource(loader, path);
      if (text == null) {
        problems.add(
            RuleProblem.error(index, i + 1, 1, "listed rule resource '" + path + "' not found"));
      } else {
        add(SigmaParser.parse(text, path), rules, correlations, problems);
      }
    }
    return linked(rules, correlations, problems);
  }

  private static void add(
      ParseResult result,
      List<SigmaRule> rules,
      List<CorrelationRule> correlations,
      List<RuleProblem> problems) {
    rules.addAll(result.rules());
    correlations.addAll(result.correlations());
    problems.addAll(result.problems());
  }

  private static ParseResult linked(
      List<SigmaRule> rules, List<CorrelationRule> correlations, List<RuleProblem> problems) {
    List<RuleProblem> all = new ArrayList<>(problems);
    all.addAll(CorrelationLinks.of(rules, correlations).problems());
    return new ParseResult(rules, correlations, all);
  }

  private static String resource(ClassLoader loader, String path) {
    String name = path.startsWith("/") ? path.substring(1) : path;
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isYaml(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }
}
