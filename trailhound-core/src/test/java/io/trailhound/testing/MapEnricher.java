package io.trailhound.testing;

import io.trailhound.enrich.IpEnricher;
import io.trailhound.enrich.IpInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Enrichment from a TSV of address prefix, country, ASN and AS organisation (tests only). */
public final class MapEnricher implements IpEnricher {

  private final Map<String, IpInfo> byPrefix = new LinkedHashMap<>();

  public MapEnricher(Path tsv) {
    try {
      for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        byPrefix.put(c[0], new IpInfo(c[1], Long.parseLong(c[2]), c[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public IpInfo lookup(String ip) {
    for (Map.Entry<String, IpInfo> e : byPrefix.entrySet()) {
      if (ip.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return IpInfo.UNKNOWN;
  }
}
