package io.trailhound.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Offline IP → country and AS from the CSV files of the {@code ip-location-db} packages (CC0 /
 * CC-BY-4.0): {@code start,end,country_code[,...]} for country files (the city files' first three
 * columns too) and {@code start,end,asn,as_organisation} for ASN files, IPv4 and IPv6, with dotted
 * or colon addresses. Ranges live in {@link IpRangeIndex}es (16 bytes per IPv4 range, 40 per IPv6
 * range); countries and AS names are shared, so the full ASN and country databases take under 30
 * MB. Lookups allocate one small record and cache nothing. Bad lines, overlapping and unsorted
 * ranges are counted in {@link #report()}, never fatal.
 */
public final class IpDatabase implements IpEnricher {

  private static final int MAX_EXAMPLES = 10;

  private final IpRangeIndex countryIndex;
  private final String[] countries;
  private final IpRangeIndex asnIndex;
  private final long[] asns;
  private final String[] orgs;
  private final GeoIpReport report;

  private IpDatabase(Loader l) {
    this.countryIndex = l.countryRanges.build();
    this.asnIndex = l.asnRanges.build();
    this.countries = l.countries.toArray(String[]::new);
    this.asns = l.asns.stream().mapToLong(Long::longValue).toArray();
    this.orgs = l.orgs.toArray(String[]::new);
    this.report =
        new GeoIpReport(
            l.files,
            l.badLines,
            l.examples,
            countryIndex.overlapping() + asnIndex.overlapping(),
            countryIndex.unsorted() + asnIndex.unsorted());
  }

  /**
   * Loads the CSV files named, or found under named directories ({@code *.csv} and {@code
   * *.csv.gz}; the packages' {@code *-num.csv} copies of the same data are left out).
   *
   * @throws UncheckedIOException when a named path cannot be read at all
   */
  public static IpDatabase load(List<Path> paths) {
    Loader loader = new Loader();
    for (Path p : paths) {
      for (Path file : files(p)) {
        loader.read(file);
      }
    }
    return new IpDatabase(loader);
  }

  /** What was loaded and what was wrong with it. */
  public GeoIpReport report() {
    return report;
  }

  @Override
  public IpInfo lookup(String ip) {
    IpAddress address = IpAddress.parse(ip);
    if (address == null) {
      return IpInfo.UNKNOWN;
    }
    int c = countryIndex.lookup(address);
    int a = asnIndex.lookup(address);
    if (c == IpRangeIndex.NONE && a == IpRangeIndex.NONE) {
      return IpInfo.UNKNOWN;
    }
    return new IpInfo(
        c == IpRangeIndex.NONE ? null : countries[c],
        a == IpRangeIndex.NONE ? 0 : asns[a],
        a == IpRangeIndex.NONE ? null : orgs[a]);
  }

  private static List<Path> files(Path p) {
    if (!Files.isDirectory(p)) {
      if (!Files.isReadable(p)) {
        throw new UncheckedIOException(
            new IOException("cannot read IP database " + p + ": no such readable file"));
      }
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p, 6)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".csv") || n.endsWith(".csv.gz")) && !n.contains("-num.csv");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list IP database folder " + p, e);
    }
  }

  /** Accumulates ranges from all files before the indices are built. */
  private static final class Loader {
    final IpRangeIndex.Builder countryRanges = new IpRangeIndex.Builder();
    final IpRangeIndex.Builder asnRanges = new IpRangeIndex.Builder();
    final List<String> countries = new ArrayList<>();
    final Map<String, Integer> countryIds = new HashMap<>();
    final List<Long> asns = new ArrayList<>();
    final List<String> orgs = new ArrayList<>();
    final Map<String, Integer> asnIds = new HashMap<>();
    final List<GeoIpReport.File> files = new ArrayList<>();
    final List<String> examples = new ArrayList<>();
    long badLines;

    void read(Path file) {
      String kind = null;
      int ranges = 0;
      long bad = 0;
      try (BufferedReader r = open(file)) {
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lineNo++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] f = fields(line);
          if (kind == null) {
            if (f.length >= 3 && !f[0].isEmpty() && f[0].chars().allMatch(Character::isDigit)) {
              files.add(
                  new GeoIpReport.File(
                      file,
                      "skipped",
                      0,
                      0,
                      "numeric ranges: use the file with dotted addresses beside it"));
              return;
            }
            if (f.length >= 3 && f[0].toLowerCase(Locale.ROOT).contains("start")) {
              continue; // a header line
            }
            kind = f.length >= 4 && isNumber(f[2]) ? "asn" : "country";
          }
          String problem = "asn".equals(kind) ? addAsn(f) : addCountry(f);
          if (problem == null) {
            ranges++;
          } else {
            bad++;
            badLines++;
            if (examples.size() < MAX_EXAMPLES) {
              examples.add(file.getFileName() + ":" + lineNo + ": " + problem);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read IP database " + file, e);
      }
      files.add(new GeoIpReport.File(file, kind == null ? "empty" : kind, ranges, bad, ""));
    }

    private String addCountry(String[] f) {
      if (f.length < 3) {
        return "expected start,end,country";
      }
      String cc = f[2].strip().toUpperCase(Locale.ROOT);
      if (cc.length() != 2
          || !Character.isLetter(cc.charAt(0))
          || !Character.isLetter(cc.charAt(1))) {
        return "country '" + cut(f[2]) + "' is not a two-letter code";
      }
      Integer id = countryIds.get(cc);
      if (id == null) {
        id = countries.size();
        countries.add(cc);
        countryIds.put(cc, id);
      }
      return range(countryRanges, f, id);
    }

    private String addAsn(String[] f) {
      if (f.length < 4 || !isNumber(f[2])) {
        return "expected start,end,asn,organisation";
      }
      long asn = Long.parseLong(f[2].strip());
      if (asn > 0xffffffffL) {
        return "AS number " + cut(f[2]) + " out of range";
      }
      String org = f[3].strip();
      String key = asn + "\u0000" + org;
      Integer id = asnIds.get(key);
      if (id == null) {
        id = asns.size();
        asns.add(asn);
        orgs.add(org.isEmpty() ? null : org);
        asnIds.put(key, id);
      }
      return range(asnRanges, f, id);
    }

    private static String range(IpRangeIndex.Builder b, String[] f, int payload) {
      IpAddress start = IpAddress.parse(f[0]);
      IpAddress end = IpAddress.parse(f[1]);
      if (start == null || end == null) {
        return "'" + cut(start == null ? f[0] : f[1]) + "' is not an IP address";
      }
      return b.add(start, end, payload) ? null : "range end before its start or of another family";
    }

    private static boolean isNumber(String s) {
      String t = s.strip();
      return !t.isEmpty() && t.length() <= 10 && t.chars().allMatch(Character::isDigit);
    }

    private static String cut(String s) {
      return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static BufferedReader open(Path file) throws IOException {
      InputStream in = Files.newInputStream(file);
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Splits at commas; the last field (an AS name) may be quoted with {@code ""} escapes. */
    private static String[] fields(String line) {
      List<String> out = new ArrayList<>(4);
      int i = 0;
      int n = line.length();
      while (i <= n) {
        if (i < n && line.charAt(i) == '"') {
          StringBuilder b = new StringBuilder();
          i++;
          while (i < n) {
            char c = line.charAt(i);
            if (c == '"' && i + 1 < n && line.charAt(i + 1) == '"') {
              b.append('"');
              i += 2;
            } else if (c == '"') {
              i++;
              break;
            } else {
              b.append(c);
              i++;
            }
          }
          out.add(b.toString());
          int comma = line.indexOf(',', i);
          i = comma < 0 ? n + 1 : comma + 1;
        } else {
          int comma = line.indexOf(',', i);
          int end = comma < 0 ? n : comma;
          out.add(line.substring(i, end));
          i = end + 1;
        }
      }
      return out.toArray(String[]::new);
    }
  }
}
