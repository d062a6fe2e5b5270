package io.trailhound.simulate.cloudtrail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes records in CloudTrail's S3 delivery layout, one gzipped {@code {"Records":[...]}} object
 * per account, region and five-minute window, records shuffled within the file. Only the current
 * window is held in memory: {@link #flush} writes it and forgets it.
 */
public final class DeliveryWriter {

  /** How long after the window the object is published (names the file and the date folder). */
  private static final Duration DELAY = Duration.ofMinutes(5);

  private static final byte[] OPEN = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

  private final Path root;
  private final SplittableRandom random;
  private final Ids names;
  private final RecordWriter records = new RecordWriter();
  private final Map<String, List<byte[]>> window = new TreeMap<>();
  private final Bytes file = new Bytes();
  private final DigestSchedule digests;
  private long files;
  private long events;
  private long bytes;

  /**
   * @param root output folder (gets {@code AWSLogs/})
   * @param random the simulation's randomness for file names and record order
   * @param seed the simulation seed, from which the digest signing key is derived
   */
  public DeliveryWriter(Path root, SplittableRandom random, long seed) {
    this.root = root;
    this.random = random;
    this.names = new Ids(random.split());
    this.digests = new DigestSchedule(root, seed);
  }

  /** Adds a record to the current window. */
  public void add(Call c) {
    window
        .computeIfAbsent(c.account() + "/" + c.region(), k -> new ArrayList<>())
        .add(records.bytes(c));
  }

  /** Writes the window that ends at {@code end} and starts a new one. */
  public void flush(Instant end) {
    Instant published = end.plus(DELAY);
    for (Map.Entry<String, List<byte[]>> e : window.entrySet()) {
      String[] key = e.getKey().split("/", 2);
      writeFile(key[0], key[1], published, e.getValue());
    }
    window.clear();
    digests.advanceTo(published);
  }

  /**
   * Writes the digests still due after the last window and the public key that verifies them.
   *
   * @param first start of the simulated period (the key's validity starts there)
   * @param last end of the last window written
   */
  public void finish(Instant first, Instant last) throws IOException {
    digests.advanceTo(last.plus(DELAY).plus(Duration.ofHours(1)));
    digests.writePublicKeys(first, last.plus(Duration.ofDays(1)));
  }

  private void writeFile(String account, String region, Instant published, List<byte[]> recs) {
    for (int i = recs.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      byte[] t = recs.get(i);
      recs.set(i, recs.get(j));
      recs.set(j, t);
    }
    file.reset();
    file.write(OPEN, 0, OPEN.length);
    for (int i = 0; i < recs.size(); i++) {
      if (i > 0) {
        file.write(',');
      }
      byte[] r = recs.get(i);
      file.write(r, 0, r.length);
    }
    file.write(CLOSE, 0, CLOSE.length);
    Path dir =
        root.resolve("AWSLogs")
            .resolve(account)
            .resolve("CloudTrail")
            .resolve(region)
            .resolve(Times.dayPath(published));
    String name =
        account
            + "_CloudTrail_"
            + region
            + "_"
            + Times.file(published)
            + "_"
            + names.upper(16)
            + ".json.gz";
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
        FixedGzip.write(file.buffer(), file.size(), out);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    digests.delivered(account, region, published, dir.resolve(name));
    files++;
    events += recs.size();
    bytes += file.size();
  }

  public long files() {
    return files;
  }

  public long events() {
    return events;
  }

  /** Uncompressed bytes written. */
  public long bytes() {
    return bytes;
  }

  /** A byte buffer whose backing array can be read without copying. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(1 << 20);
    }

    byte[] buffer() {
      return buf;
    }
  }
}
