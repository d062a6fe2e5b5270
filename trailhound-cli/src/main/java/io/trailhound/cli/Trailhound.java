package io.trailhound.cli;

import java.io.PrintWriter;

/** The command tree; {@link #run} is what tests call. */
public final class Trailhound {

  private Trailhound() {}

  /** Runs the command line and returns the process exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    out.println("trailhound");
    return 0;
  }
}
