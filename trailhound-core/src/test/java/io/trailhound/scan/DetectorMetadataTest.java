package io.trailhound.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailhound.finding.Severity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetectorMetadataTest {

  @Test
  void reads_the_header_fields_and_parameters_of_a_detector_file() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/detectors/example-detector.yml")) {
      DetectorMetadata m = DetectorMetadata.parse("example-detector", "test", in);
      assertThat(m.info().ruleId()).isEqualTo("example-detector");
      assertThat(m.info().severity()).isEqualTo(Severity.MEDIUM);
      assertThat(m.info().types())
          .containsExactly("UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B");
      assertThat(m.info().techniques()).containsExactly("T1078.004");
      assertThat(m.number("learning_days", 0)).isEqualTo(14);
      assertThat(m.number("absent", 7)).isEqualTo(7);
    }
  }

  @Test
  void names_the_file_and_field_when_a_required_field_is_missing() {
    InputStream in = new ByteArrayInputStream("level: high\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> DetectorMetadata.parse("x", "content/detectors/x.yml", in))
        .hasMessageContaining("content/detectors/x.yml")
        .hasMessageContaining("'title'");
  }

  @Test
  void every_indexed_builtin_detector_loads_with_a_type_or_technique() {
    for (String id : DetectorMetadata.builtinIds()) {
      DetectorMetadata m = DetectorMetadata.builtin(id);
      assertThat(m.info().types().isEmpty() && m.info().techniques().isEmpty())
          .as(id + " names no finding type and no ATT&CK technique")
          .isFalse();
    }
  }
}
