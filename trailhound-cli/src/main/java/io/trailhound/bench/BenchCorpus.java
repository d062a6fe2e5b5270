package io.trailhound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a benchmark corpus of realistic CloudTrail events as JSON lines: real event shapes (a
 * benign security-audit sweep, bundled with its licence) replicated with fresh event ids, request
 * ids, times, callers and source addresses, so the data looks like many principals over a day.
 * Deterministic for a seed.
 */
final class BenchCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
  private static final int PRINCIPALS = 500;

  private final List<ObjectNode> templates;

  private BenchCorpus(List<ObjectNode> templates) {
    this.templates = templates;
  }

  /** Loads the bundled templates. */
  static BenchCorpus bundled() {
    List<ObjectNode> templates = new ArrayList<>();
    try (InputStream in =
            BenchCorpus.class.getResourceAsStream("/bench/opensearch-audit-sweep.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          templates.add((ObjectNode) JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bundled benchmark templates are unreadable", e);
    }
    return new BenchCorpus(templates);
  }

  /** Writes {@code events} events into {@code files} JSON-lines files under {@code dir}. */
  List<Path> write(Path dir, long events, int files, long seed) throws IOException {
    Files.createDirectories(dir);
    List<Path> paths = paths(dir, files);
    long perFile = events / files;
    IntStream.range(0, files)
        .parallel()
        .forEach(
            f -> {
              long n = f == files - 1 ? events - perFile * (files - 1) : perFile;
              try {
                writeFile(paths.get(f), n, new SplittableRandom(seed * 31 + f));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return paths;
  }

  static List<Path> paths(Path dir, int files) {
    List<Path> paths = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      paths.add(dir.resolve(String.format(Locale.ROOT, "bench-%03d.jsonl", f)));
    }
    return paths;
  }

  private void writeFile(Path path, long n, SplittableRandom random) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      for (long i = 0; i < n; i++) {
        ObjectNode e = templates.get(random.nextInt(templates.size())).deepCopy();
        vary(e, random);
        JSON.writeValue(new NonClosing(out), e);
        out.write('\n');
      }
    }
  }

  private static void vary(ObjectNode e, SplittableRandom random) {
    e.put("eventID", uuid(random));
    e.put("requestID", uuid(random));
    e.put("eventTime", DAY.plusSeconds(random.nextInt(86_400)).toString());
    int principal = random.nextInt(PRINCIPALS);
    String ip = "198.51." + (100 + principal % 4) + "." + (1 + principal % 250);
    JsonNode identity = e.get("userIdentity");
    if (identity instanceof ObjectNode id && "AssumedRole".equals(id.path("type").asText())) {
      String session = "session-" + principal;
      id.put(
          "arn",
          "arn:aws:sts::347283850106:assumed-role/SecurityAudit-"
              + (principal % 20)
              + "/"
              + session);
      id.put("principalId", "AROAEXAMPLE" + (principal % 20) + ":" + session);
      id.put("accessKeyId", String.format(Locale.ROOT, "ASIAEXAMPLE%09d", principal));
      e.put("sourceIPAddress", ip);
    }
  }

  private static String uuid(SplittableRandom r) {
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }

  /** Jackson closes the stream it writes to; a corpus file stays open for the next event. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
