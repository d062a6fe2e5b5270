package io.trailhound.cli;

import io.trailhound.rule.sigma.RuleException;
import io.trailhound.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree; {@link #run} is what {@code main} and the tests call. */
@Command(
    name = "trailhound",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Open-source AWS security monitoring: findings from the logs AWS already writes.",
    subcommands = {
      ScanCommand.class,
      InvestigateCommand.class,
      RulesCommand.class,
      VerifyCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      QueryCommand.class,
      StoreCommand.class
    })
public final class Trailhound implements Runnable {

  /** Fixed exit codes, documented in the README. */
  public static final int OK = 0;

  public static final int FINDINGS_AT_THRESHOLD = 1;
  public static final int USAGE = 2;
  public static final int NOTHING_READ = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with the system clock. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Clock.systemUTC());
  }

  /** Runs the command line; the clock is injected so tests control time. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
    CommandLine cli = new CommandLine(new Trailhound(), new Factory(clock));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof RuleException re) {
            err.println("trailhound: rules could not be loaded:");
            re.problems().forEach(p -> err.println("  " + p));
            return USAGE;
          }
          if (e instanceof StoreException s) {
            err.println("trailhound: " + s.getMessage());
            return USAGE;
          }
          if (e instanceof UsageError u) {
            err.println("trailhound: " + u.getMessage());
            return USAGE;
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Creates commands with the injected clock; no reflection-based wiring beyond picocli's own. */
  private record Factory(Clock clock) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == ScanCommand.class) {
        return cls.cast(new ScanCommand(clock));
      }
      if (cls == QueryCommand.class) {
        return cls.cast(new QueryCommand(clock));
      }
      if (cls == StoreCommand.ExportCommand.class) {
        return cls.cast(new StoreCommand.ExportCommand(clock));
      }
      if (cls == StoreCommand.RetainCommand.class) {
        return cls.cast(new StoreCommand.RetainCommand(clock));
      }
      if (cls == StoreBenchCommand.class) {
        return cls.cast(new StoreBenchCommand(clock));
      }
      if (cls == InvestigateCommand.class) {
        return cls.cast(new InvestigateCommand(clock));
      }
      if (cls == BenchCommand.class) {
        return cls.cast(new BenchCommand(clock));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
