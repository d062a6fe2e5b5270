package io.trailhound.source;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pools of named daemon threads (reading files in parallel, work beside a caller), and waiting on
 * their work.
 */
public final class Workers {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private Workers() {}

  /** A pool of {@code threads} daemon threads named {@code trailhound-<stage>-<pool>-<n>}. */
  public static ExecutorService pool(String stage, int threads) {
    return Executors.newFixedThreadPool(threads, named(stage));
  }

  /**
   * A pool that starts daemon threads named like {@link #pool}'s as tasks come and ends them after
   * a minute idle: for work that runs beside a caller now and then.
   */
  public static ExecutorService onDemand(String stage) {
    return Executors.newCachedThreadPool(named(stage));
  }

  private static ThreadFactory named(String stage) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "trailhound-" + stage + "-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Waits for one task; its unchecked exception or error is rethrown as it was.
   *
   * @param what what the task was doing, for the message when the wait is interrupted
   */
  public static void await(Future<?> f, String what) {
    result(f, what);
  }

  /**
   * Waits for one task and returns its result; its unchecked exception or error is rethrown as it
   * was.
   *
   * @param what what the task was doing, for the message when the wait is interrupted
   */
  public static <T> T result(Future<T> f, String what) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
