package io.trailhound.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void reads_dominate_people_keep_working_hours_and_weekends_are_quiet() throws IOException {
    SimulationSummary sim =
        Simulator.run(
            new SimulationOptions(4, tmp, Instant.parse("2026-11-20T00:00:00Z"), 2, 2, 0.5));
    Set<String> attack = new HashSet<>();
    sim.truth().scenarios().forEach(s -> attack.addAll(s.eventIds()));
    long total = 0;
    long reads = 0;
    long consoleDay = 0;
    long consoleNight = 0;
    long friday = 0;
    long saturday = 0;
    long signIns = 0;
    long signInsWithMfa = 0;
    try (Stream<Path> files = Files.walk(sim.logs())) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().contains("/CloudTrail/"))
              .toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          for (JsonNode r : JSON.readTree(in).get("Records")) {
            if (attack.contains(r.get("eventID").asText())) {
              continue;
            }
            total++;
            reads += r.get("readOnly").asBoolean() ? 1 : 0;
            ZonedDateTime t = Instant.parse(r.get("eventTime").asText()).atZone(ZoneOffset.UTC);
            boolean isFriday = t.getDayOfWeek() == DayOfWeek.FRIDAY;
            friday += isFriday ? 1 : 0;
            saturday += t.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0;
            if (r.path("userAgent").asText().equals("AWS Internal") && isFriday) {
              if (t.getHour() >= 10 && t.getHour() < 14) {
                consoleDay++;
              } else if (t.getHour() >= 0 && t.getHour() < 4) {
                consoleNight++;
              }
            }
            if (r.get("eventName").asText().equals("ConsoleLogin")) {
              signIns++;
              signInsWithMfa +=
                  r.path("additionalEventData").path("MFAUsed").asText().equals("Yes") ? 1 : 0;
            }
          }
        }
      }
    }
    assertThat(reads).isGreaterThan(total * 6 / 10);
    assertThat(consoleDay).isGreaterThan(10 * Math.max(1, consoleNight));
    assertThat(saturday).isLessThan(friday);
    assertThat(signIns).isPositive().isEqualTo(signInsWithMfa);
  }
}
