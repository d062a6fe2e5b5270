package io.trailhound.detect.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Maps a list on all cores, results in the list's order: the end of a scan evaluates thousands of
 * independent correlation groups while the readers' threads are done, and on one thread that tail
 * was a tenth of a big scan's time. Small lists stay on the calling thread.
 */
final class Parallel {

  /** Below this many items the threads cost more than they save. */
  static final int MIN_ITEMS = 64;

  private Parallel() {}

  static <T, R> List<R> map(List<T> items, Function<T, R> f) {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), items.size() / MIN_ITEMS);
    Object[] out = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Runnable work =
        () -> {
          try {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
              out[i] = f.apply(items.get(i));
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            next.set(out.length);
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(work, "trailhound-correlation-finish-" + t);
      helper.start();
      helpers.add(helper);
    }
    work.run();
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating correlations", e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Arrays.asList(out);
    return results;
  }
}
