package io.trailhound.simulate.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.simulate.activity.Rhythm;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Org;
import io.trailhound.simulate.org.Person;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How people start their working day: an Okta sign-in (session, MFA push, SSO to the AWS IAM
 * Identity Center app) from their home address and browser a minute or four before their first AWS
 * console or SSO session of the day ({@code <name>@example.com}, the session name of their {@code
 * AWSReservedSSO_*} role); now and then a rejected MFA push first. A third of them also sign in to
 * Microsoft 365 through Entra ID (the Unified Audit Log shows it as {@code UserLoggedIn}, then a
 * few {@code MailItemsAccessed} and SharePoint {@code FileAccessed}). One JSON-lines file per
 * source and UTC day: {@code okta/system-log-YYYY-MM-DD.jsonl}, {@code
 * entra/signins-YYYY-MM-DD.jsonl}, {@code m365/audit-YYYY-MM-DD.jsonl}.
 */
public final class IdentityLogs {

  /** Okta's app instance of AWS IAM Identity Center. */
  static final String AWS_APP = "Amazon Web Services IAM Identity Center";

  private final List<Person> people;
  private final SplittableRandom random;
  private final Path out;
  private final boolean okta;
  private final boolean entra;
  private final boolean m365;
  private final M365Shapes m365Shapes;
  private final Map<String, Writer> files = new TreeMap<>();
  private final OktaShapes oktaShapes;
  private final EntraShapes entraShapes;
  private long records;
  private long fileCount;
  private final List<IdentityRecord> attacks = new ArrayList<>();
  private int nextAttack;

  public IdentityLogs(
      Path out, Org org, SplittableRandom random, boolean okta, boolean entra, boolean m365) {
    this.people = people(org);
    this.random = random;
    this.out = out;
    this.okta = okta;
    this.entra = entra;
    this.m365 = m365;
    this.m365Shapes = new M365Shapes(random, new JsonFactory(), org.orgId());
    this.oktaShapes = new OktaShapes(random, new JsonFactory());
    this.entraShapes = new EntraShapes(random, new JsonFactory(), org.orgId());
  }

  /** The email a person signs in with; also their AWS SSO role session name. */
  public static String email(Person p) {
    return p.name() + "@example.com";
  }

  /** Attack scenarios' records, written with the window they fall in. */
  public void attacks(List<IdentityRecord> records) {
    attacks.addAll(records);
    attacks.sort(Comparator.comparing(IdentityRecord::time));
  }

  /** The people whose sign-ins these logs hold, in a fixed order. */
  public static List<Person> people(Org org) {
    Set<Person> unique = new LinkedHashSet<>();
    for (Account a : org.accounts()) {
      unique.addAll(a.people());
    }
    return List.copyOf(unique);
  }

  /** Whether the person at {@code index} of {@link #people} also works in Microsoft 365. */
  public static boolean microsoft365(int index) {
    return index % 3 == 0;
  }

  /** Whether records of {@code source} ({@code okta}, {@code entra}, {@code m365}) are written. */
  public boolean writes(String source) {
    return switch (source) {
      case "okta" -> okta;
      case "entra" -> entra;
      case "m365" -> m365;
      default -> false;
    };
  }

  /** Writes the sign-ins of people whose working day starts in {@code [start, start + length)}. */
  public void window(Instant start, Duration length) throws IOException {
    List<Line> lines = new ArrayList<>();
    Instant end = start.plus(length);
    while (nextAttack < attacks.size() && attacks.get(nextAttack).time().isBefore(end)) {
      IdentityRecord r = attacks.get(nextAttack++);
      lines.add(new Line(r.time(), writes(r.source()) ? prefix(r.source()) : null, r.json()));
    }
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      ZonedDateTime local = start.atZone(ZoneOffset.ofHours(p.utcOffset()));
      boolean first = local.getHour() == p.startHour() && local.getMinute() < length.toMinutes();
      if (!first || !Rhythm.working(start, p.utcOffset(), p.startHour(), p.hours())) {
        continue;
      }
      Instant t = start.minusSeconds(60 + random.nextInt(180));
      // Every record is drawn whichever sources are written, so a source's bytes do not depend
      // on the others being on.
      for (OktaShapes.Record r : oktaShapes.signIn(p, t, random.nextInt(12) == 0)) {
        lines.add(new Line(r.time(), okta ? "okta/system-log-" : null, r.json()));
      }
      if (microsoft365(i)) {
        Instant e = t.minusSeconds(300 + random.nextInt(1200));
        lines.add(new Line(e, entra ? "entra/signins-" : null, entraShapes.signIn(p, e, i)));
        String m365Prefix = m365 ? "m365/audit-" : null;
        lines.add(new Line(e.plusSeconds(1), m365Prefix, m365Shapes.loggedIn(p, e.plusSeconds(1))));
        Instant w = e;
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          w = w.plusSeconds(30 + random.nextInt(600));
          lines.add(new Line(w, m365Prefix, m365Shapes.work(p, w)));
        }
      }
    }
    lines.sort(Comparator.comparing(Line::time));
    for (Line l : lines) {
      if (l.prefix() == null) {
        continue;
      }
      writer(l.prefix() + LocalDate.ofInstant(l.time(), ZoneOffset.UTC) + ".jsonl").write(l.json());
      records++;
    }
  }

  public void finish() throws IOException {
    if (nextAttack < attacks.size()) {
      // Attacks planned past the last window (no background is drawn for a zero-minute window).
      window(attacks.get(attacks.size() - 1).time(), Duration.ofSeconds(1));
    }
    for (Writer w : files.values()) {
      w.close();
    }
    files.clear();
  }

  public long files() {
    return fileCount;
  }

  public long records() {
    return records;
  }

  /** Files stay open until the end: a run of D days holds at most D + 1 per source. */
  private Writer writer(String name) throws IOException {
    Writer w = files.get(name);
    if (w == null) {
      Path file = out.resolve(name);
      Files.createDirectories(file.getParent());
      w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      files.put(name, w);
      fileCount++;
    }
    return w;
  }

  private static String prefix(String source) {
    return switch (source) {
      case "okta" -> "okta/system-log-";
      case "entra" -> "entra/signins-";
      default -> "m365/audit-";
    };
  }

  /** One JSON line of a source, for ordering. */
  private record Line(Instant time, String prefix, String json) {}

  static String render(JsonFactory f, Generating body) {
    StringWriter s = new StringWriter(1500);
    try (JsonGenerator g = f.createGenerator(s)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.append('\n').toString();
  }

  /** Writes one object. */
  interface Generating {
    void write(JsonGenerator g) throws IOException;
  }
}
