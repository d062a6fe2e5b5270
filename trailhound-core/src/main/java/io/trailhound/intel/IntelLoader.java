package io.trailhound.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one list file. The format comes from the content: JSON is a STIX 2.1 bundle; a first data
 * line with a comma is CSV with a header; anything else is one indicator per line. {@code #} starts
 * a comment in text and CSV lists.
 */
final class IntelLoader {

  /** Header names taken as the indicator column, in order of preference. */
  private static final List<String> INDICATOR_COLUMNS =
      List.of(
          "indicator",
          "ioc",
          "value",
          "ip",
          "ip_address",
          "ipaddress",
          "address",
          "cidr",
          "network",
          "domain",
          "hostname",
          "host",
          "url");

  private static final Set<String> TOR_EXIT_LIST_FIELDS =
      Set.of("ExitNode", "Published", "LastStatus");

  private static final Set<String> SINKHOLES = Set.of("0.0.0.0", "127.0.0.1", "::", "::1");

  private static final Set<String> CONFIDENCE_COLUMNS = Set.of("confidence", "score");

  private IntelLoader() {}

  static IntelList load(IntelListSpec spec, Clock clock) {
    byte[] head;
    try (InputStream in = Files.newInputStream(spec.path())) {
      head = in.readNBytes(4096);
    } catch (IOException e) {
      throw new IntelException("cannot read intel list " + spec.path() + ": " + e.getMessage(), e);
    }
    ListBuilder builder = new ListBuilder(spec);
    try {
      if (firstNonBlank(head) == '{') {
        try (InputStream in = Files.newInputStream(spec.path())) {
          StixBundles.read(in, builder, clock);
        }
        return builder.build("stix");
      }
      try (BufferedReader reader = reader(spec)) {
        boolean csv = looksLikeCsv(new String(head, StandardCharsets.UTF_8));
        if (csv) {
          readCsv(reader, builder);
          return builder.build("csv");
        }
        readText(reader, builder);
        return builder.build("text");
      }
    } catch (IOException e) {
      throw new IntelException("cannot read intel list " + spec.path() + ": " + e.getMessage(), e);
    }
  }

  private static BufferedReader reader(IntelListSpec spec) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(spec.path()),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }

  private static void readText(BufferedReader reader, ListBuilder builder) throws IOException {
    EntryMeta meta = builder.defaults();
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      String value = uncomment(line);
      if (value.isEmpty()) {
        continue;
      }
      String[] tokens = value.split("[\\s;]+", 3);
      if (TOR_EXIT_LIST_FIELDS.contains(tokens[0])) {
        continue; // the Tor Project's exit-addresses format: only ExitAddress lines name addresses
      }
      // hosts-file blocklists ("0.0.0.0 miner.example.com") and exit-addresses name it second
      boolean second = SINKHOLES.contains(tokens[0]) || "ExitAddress".equals(tokens[0]);
      String token = tokens.length > 1 && second ? tokens[1] : tokens[0];
      if (line.indexOf('\uFFFD') >= 0) {
        builder.problem(lineNo, "not UTF-8", line);
      } else if (!builder.add(token, meta)) {
        builder.problem(lineNo, "not an IP, CIDR, domain or URL", line);
      }
    }
  }

  private static void readCsv(BufferedReader reader, ListBuilder builder) throws IOException {
    EntryMeta defaults = builder.defaults();
    List<String> header = null;
    int column = -1;
    int confidenceColumn = -1;
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      String stripped = line.replace("\uFEFF", "").strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      List<String> cells = CsvLine.split(stripped);
      if (header == null) {
        header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        column = namedColumn(header);
        confidenceColumn = indexOfAny(header, CONFIDENCE_COLUMNS);
        if (column >= 0 || firstIndicatorColumn(cells) < 0) {
          continue;
        }
        header = List.of(); // no header (or a commented-out one, as abuse.ch feeds have): data
      }
      if (column < 0) {
        column = firstIndicatorColumn(cells);
        if (column < 0) {
          builder.problem(lineNo, "no column holds an IP, CIDR, domain or URL", line);
          continue;
        }
      }
      if (column >= cells.size()) {
        builder.problem(lineNo, "missing column " + (column + 1), line);
        continue;
      }
      EntryMeta meta = defaults;
      if (confidenceColumn >= 0 && confidenceColumn < cells.size()) {
        String c = cells.get(confidenceColumn).strip();
        Integer value = confidence(c);
        if (value == null && !c.isEmpty()) {
          builder.problem(lineNo, "confidence '" + c + "' is not 0-100; list default used", line);
        } else if (value != null) {
          meta = new EntryMeta(value, List.of(), null);
        }
      }
      if (line.indexOf('\uFFFD') >= 0) {
        builder.problem(lineNo, "not UTF-8", line);
      } else if (!builder.add(cells.get(column), meta)) {
        builder.problem(lineNo, "not an IP, CIDR, domain or URL", line);
      }
    }
  }

  private static int namedColumn(List<String> header) {
    for (String name : INDICATOR_COLUMNS) {
      int i = header.indexOf(name);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfAny(List<String> header, Set<String> names) {
    for (int i = 0; i < header.size(); i++) {
      if (names.contains(header.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstIndicatorColumn(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i).strip();
      String host = Indicators.isUrl(c) ? Indicators.urlHost(c) : c;
      if (Indicators.network(host) != null || Indicators.domain(host) != null) {
        return i;
      }
    }
    return -1;
  }

  private static Integer confidence(String text) {
    try {
      int v = (int) Math.round(Double.parseDouble(text));
      return v >= 0 && v <= 100 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String uncomment(String line) {
    int hash = line.indexOf('#');
    return (hash >= 0 ? line.substring(0, hash) : line).replace("\uFEFF", "").strip();
  }

  private static boolean looksLikeCsv(String head) {
    for (String line : head.split("\r?\n")) {
      String l = uncomment(line);
      if (!l.isEmpty()) {
        return l.indexOf(',') >= 0;
      }
    }
    return false;
  }

  private static int firstNonBlank(byte[] head) {
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb) {
      i = 3; // UTF-8 byte order mark
    }
    for (; i < head.length; i++) {
      if (!Character.isWhitespace(head[i])) {
        return head[i];
      }
    }
    return -1;
  }
}
