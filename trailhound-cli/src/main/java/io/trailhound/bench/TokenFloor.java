package io.trailhound.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor a scan is measured against: Jackson streaming tokenisation of the same files on the
 * same number of threads, building nothing. No reader can be faster than this.
 */
final class TokenFloor {

  private static final JsonFactory FACTORY = new JsonFactory();

  private TokenFloor() {}

  /** Tokenises every file, files in parallel; returns the number of top-level JSON values. */
  static long run(List<Path> files, int threads) throws Exception {
    AtomicLong values = new AtomicLong();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, "trailhound-bench-floor-" + n.incrementAndGet()));
    try {
      List<Future<Long>> futures =
          files.stream().map(f -> pool.submit(() -> values.addAndGet(tokenise(f)))).toList();
      for (Future<Long> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return values.get();
  }

  private static long tokenise(Path file) {
    long count = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = FACTORY.createParser(in)) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t.isStructStart()) {
          if (depth == 0) {
            count++;
          }
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }
}
