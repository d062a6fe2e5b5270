package io.trailhound.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailhound.enrich.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzzes list loading and address parsing. In the normal build it replays the seeds under
 * IntelFuzzTestInputs; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class IntelFuzzTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

  @FuzzTest(maxDuration = "30s")
  void list_loading_never_throws(byte[] input) throws IOException {
    Path file = Files.createTempFile("intel-fuzz", ".list");
    try {
      Files.write(file, input);
      IndicatorSet set =
          IndicatorSet.load(List.of(new IntelListSpec(file, "fuzz", IntelKind.C2, 50)), CLOCK);
      IntelList list = set.lists().get(0);
      assertThat(list.size()).isNotNegative();
      assertThat(list.problems().size()).isLessThanOrEqualTo(list.problemCount());
      set.matchIp("192.0.2.1");
      set.matchDomain("a.example.com");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void address_parsing_round_trips(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    IpAddress ip = IpAddress.parse(text);
    if (ip != null) {
      assertThat(IpAddress.parse(ip.toString())).isEqualTo(ip);
    }
    Indicators.domain(text);
    Indicators.network(text);
  }
}
