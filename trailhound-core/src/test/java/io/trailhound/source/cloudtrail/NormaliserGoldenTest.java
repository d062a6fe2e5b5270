package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trailhound.event.Actor;
import io.trailhound.event.EventView;
import io.trailhound.event.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: each event under normaliser/input normalises to normaliser/expected/NAME.json.
 * Regenerate with {@code -Dtrailhound.regenerate=true}.
 */
class NormaliserGoldenTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path EXPECTED_SOURCE =
      Path.of("src/test/resources/cloudtrail/normaliser/expected");

  @TestFactory
  Stream<DynamicTest> normalises_every_identity_type_to_its_golden_file() throws IOException {
    Path inputs = Fixtures.path("normaliser/input");
    List<Path> files;
    try (Stream<Path> s = Files.list(inputs)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path input) throws IOException {
    Fixtures.Result result = Fixtures.read(Fixtures.options(), List.of(Fixtures.input(input)));
    String actual = JSON.writeValueAsString(describe(result.only().view())) + "\n";
    String name = input.getFileName().toString();
    if (Boolean.getBoolean("trailhound.regenerate")) {
      Files.createDirectories(EXPECTED_SOURCE);
      Files.writeString(EXPECTED_SOURCE.resolve(name), actual, StandardCharsets.UTF_8);
      return;
    }
    String expected =
        new String(Fixtures.bytes("normaliser/expected/" + name), StandardCharsets.UTF_8);
    assertThat(actual).isEqualTo(expected);
  }

  static Map<String, Object> describe(EventView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("eventId", v.eventId());
    m.put("time", v.time().toString());
    m.put("account", v.account());
    m.put("region", v.region());
    m.put("service", v.service());
    m.put("api", v.api());
    m.put("eventType", v.eventType());
    m.put("eventCategory", v.eventCategory());
    m.put("readOnly", v.readOnly());
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("success", v.outcome().success());
    outcome.put("errorCode", v.outcome().errorCode());
    outcome.put("errorMessage", v.outcome().errorMessage());
    m.put("outcome", outcome);
    m.put("actor", actor(v.actor()));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("ip", v.source().ip());
    source.put("userAgent", v.source().userAgent());
    source.put(
        "tls",
        v.source().tls() == null
            ? null
            : List.of(
                String.valueOf(v.source().tls().version()),
                String.valueOf(v.source().tls().cipherSuite()),
                String.valueOf(v.source().tls().clientHost())));
    source.put("vpcEndpointId", v.source().vpcEndpointId());
    m.put("source", source);
    m.put("resources", v.resources().stream().map(NormaliserGoldenTest::resource).toList());
    return m;
  }

  private static Map<String, Object> resource(Resource r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arn", r.arn());
    m.put("type", r.type());
    m.put("account", r.account());
    return m;
  }

  private static Map<String, Object> actor(Actor a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", a.type());
    m.put("principalArn", a.principalArn());
    m.put("principalId", a.principalId());
    m.put("account", a.account());
    m.put("userName", a.userName());
    m.put("accessKeyId", a.accessKeyId());
    m.put("sessionIssuerArn", a.sessionIssuerArn());
    m.put("sessionIssuerType", a.sessionIssuerType());
    m.put("sessionName", a.sessionName());
    m.put("mfa", a.mfa());
    m.put("sourceIdentity", a.sourceIdentity());
    m.put("invokedBy", a.invokedBy());
    m.put("display", a.display());
    return m;
  }
}
