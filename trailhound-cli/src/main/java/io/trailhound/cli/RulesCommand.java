package io.trailhound.cli;

import io.trailhound.rule.fixture.FixtureRunner;
import io.trailhound.rule.fixture.FixtureSet;
import io.trailhound.rule.lint.RuleLinter;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.RuleProblem;
import io.trailhound.scan.RuleCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailhound rules}: detection engineering. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lint, test and list detection rules, and show what they cover.",
    subcommands = {
      RulesCommand.Lint.class,
      RulesCommand.Test.class,
      RulesCommand.ListRules.class,
      CoverageCommand.class
    })
final class RulesCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static Placeholders placeholders(Path file) {
    return file == null ? Placeholders.none() : Placeholders.load(file);
  }

  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      description = {
        "Report every problem in every rule under DIR, with file, line and column.",
        "Exit code 1 when any error is found (warnings alone exit 0)."
      })
  static final class Lint implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--placeholders", paramLabel = "FILE")
    Path placeholders;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int errors = 0;
      int warnings = 0;
      for (Path dir : dirs) {
        if (!Files.exists(dir)) {
          throw new UsageError("no such rule directory: " + dir);
        }
        for (RuleProblem p : RuleLinter.lint(dir, placeholders(placeholders))) {
          out.println(TerminalText.safe(p.toString()));
          if (p.severity() == RuleProblem.Severity.ERROR) {
            errors++;
          } else {
            warnings++;
          }
        }
      }
      out.printf(Locale.ROOT, "%d errors, %d warnings%n", errors, warnings);
      return errors > 0 ? Trailhound.FINDINGS_AT_THRESHOLD : Trailhound.OK;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run every rule's fixtures: DIR/fixtures/<rule>/match/*.json must match,"
            + " .../nomatch/*.json must not.",
        "Without DIR, tests the built-in pack. A rule without fixtures fails."
      })
  static final class Test implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR")
    Path dir;

    @Option(names = "--placeholders", paramLabel = "FILE")
    Path placeholders;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      RuleCatalog catalog =
          dir == null
              ? RuleCatalog.load(true, List.of(), placeholders(placeholders))
              : RuleCatalog.load(false, List.of(dir), placeholders(placeholders));
      FixtureSet fixtures =
          dir == null
              ? FixtureSet.classpath(RulesCommand.class.getClassLoader(), FixtureSet.BUILTIN_INDEX)
              : FixtureSet.directory(dir);
      int failed = 0;
      int fixtureCount = 0;
      List<FixtureRunner.RuleResult> results =
          new ArrayList<>(FixtureRunner.run(catalog.rules(), catalog.engine(), fixtures));
      results.addAll(
          FixtureRunner.runCorrelations(
              catalog.correlations(), catalog.rules(), catalog.engine(), fixtures));
      for (FixtureRunner.RuleResult r : results) {
        fixtureCount += r.outcomes().size();
        if (r.skipped() != null) {
          out.println(
              "SKIP " + TerminalText.safe(r.rule()) + ": " + TerminalText.safe(r.skipped()));
          continue;
        }
        if (r.passed()) {
          out.println(
              "PASS " + TerminalText.safe(r.rule()) + " (" + r.outcomes().size() + " fixtures)");
          continue;
        }
        failed++;
        out.println("FAIL " + TerminalText.safe(r.rule()));
        if (r.problem() != null) {
          out.println("  " + TerminalText.safe(r.problem()));
        }
        for (FixtureRunner.Outcome o : r.outcomes()) {
          if (!o.passed()) {
            out.println(
                "  "
                    + TerminalText.safe(o.fixture().location())
                    + ": "
                    + TerminalText.safe(o.problem()));
          }
        }
      }
      out.printf(
          Locale.ROOT,
          "%d rules, %d fixtures: %d passed, %d failed%n",
          results.size(),
          fixtureCount,
          results.size() - failed,
          failed);
      return failed > 0 ? Trailhound.FINDINGS_AT_THRESHOLD : Trailhound.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the rules a scan would run, with level, ATT&CK techniques and types.")
  static final class ListRules implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--no-builtin")
    boolean noBuiltin;

    @Override
    public Integer call() {
      RuleCatalog catalog = RuleCatalog.load(!noBuiltin, dirs, Placeholders.none());
      Table table =
          new Table(
              List.of("LEVEL", "NAME", "TITLE", "ATT&CK", "TYPES"), List.of(8, 45, 60, 30, 50));
      for (var rule : catalog.rules()) {
        var info = catalog.info(rule);
        table.row(
            List.of(
                info.severity().label(),
                info.name(),
                info.title(),
                String.join(",", info.techniques()),
                String.join(",", info.types())));
      }
      table.print(spec.commandLine().getOut());
      return Trailhound.OK;
    }
  }
}
