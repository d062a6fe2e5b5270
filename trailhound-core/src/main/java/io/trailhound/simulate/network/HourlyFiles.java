package io.trailhound.simulate.network;

import io.trailhound.simulate.cloudtrail.FixedGzip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Lines collected per object for one hour, then written gzipped and forgotten: memory holds an hour
 * of one run's network logs, whatever the number of days.
 */
final class HourlyFiles {

  /** An object being filled: its name without the content hash, its header line, its lines. */
  private record Pending(String prefix, StringBuilder text) {}

  private final Path root;
  private final Map<String, Pending> open = new TreeMap<>();
  private long files;
  private long records;

  HourlyFiles(Path root) {
    this.root = root;
  }

  /** Appends {@code line} to the object {@code prefix} (created with {@code header} if new). */
  void add(String prefix, String header, String line) {
    Pending p =
        open.computeIfAbsent(
            prefix,
            k -> {
              StringBuilder b = new StringBuilder();
              if (header != null) {
                b.append(header).append('\n');
              }
              return new Pending(k, b);
            });
    p.text().append(line).append('\n');
    records++;
  }

  /** Writes every open object as {@code <prefix>_<crc>.log.gz}. */
  void flush() throws IOException {
    for (Pending p : open.values()) {
      byte[] data = p.text().toString().getBytes(StandardCharsets.UTF_8);
      CRC32 crc = new CRC32();
      crc.update(data);
      Path file =
          root.resolve(p.prefix() + String.format(Locale.ROOT, "_%08x.log.gz", crc.getValue()));
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(data.length / 4 + 64);
        FixedGzip.write(data, data.length, buf);
        buf.writeTo(out);
      }
      files++;
    }
    open.clear();
  }

  long files() {
    return files;
  }

  long records() {
    return records;
  }
}
