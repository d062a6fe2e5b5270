package io.trailhound.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the command line in-process and captures what it prints. */
record Cli(int code, String out, String err) {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Trailhound.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK);
    return new Cli(code, out.toString(), err.toString());
  }
}
