package io.trailhound.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: the only place that touches System streams and System.exit. */
public final class Main {

  private Main() {}

  @SuppressForbidden
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = Trailhound.run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
