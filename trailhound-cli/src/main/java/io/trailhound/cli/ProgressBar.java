package io.trailhound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for long runs: shown only when stderr is a terminal and only
 * once a run has taken more than {@link #DELAY_MS} milliseconds, then redrawn a few times a second.
 */
final class ProgressBar implements AutoCloseable {

  static final long DELAY_MS = 2_000;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final LongSupplier bytesDone;
  private final long bytesTotal;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer; // null when the bar is off
  private volatile boolean drawn;

  private ProgressBar(PrintWriter err, LongSupplier bytesDone, long bytesTotal, boolean on) {
    this.err = err;
    this.bytesDone = bytesDone;
    this.bytesTotal = bytesTotal;
    if (!on) {
      this.timer = null;
      return;
    }
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "trailhound-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::draw, DELAY_MS, 250, TimeUnit.MILLISECONDS);
  }

  /** Starts a bar, or returns a no-op when stderr is not a terminal or {@code enabled} is false. */
  static ProgressBar start(
      boolean enabled, PrintWriter err, LongSupplier bytesDone, long bytesTotal) {
    return new ProgressBar(err, bytesDone, bytesTotal, enabled && stderrIsTerminal());
  }

  private void draw() {
    long done = bytesDone.getAsLong();
    double fraction = bytesTotal > 0 ? Math.min(1.0, (double) done / bytesTotal) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "\r[%s%s] %3.0f%%  %s / %s  %s/s ",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            fraction * 100,
            Bytes.human(done),
            bytesTotal > 0 ? Bytes.human(bytesTotal) : "?",
            Bytes.human((long) (done / seconds)));
    synchronized (err) {
      err.print(line);
      err.flush();
    }
    drawn = true;
  }

  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    if (drawn) {
      synchronized (err) {
        err.print("\r" + " ".repeat(80) + "\r");
        err.flush();
      }
    }
  }

  /** Linux: fd 2 links to a tty or pty. Elsewhere: a console is attached. */
  static boolean stderrIsTerminal() {
    try {
      Path fd = Path.of("/proc/self/fd/2");
      if (Files.exists(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through to the portable check
    }
    return System.console() != null;
  }
}
