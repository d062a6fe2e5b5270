package io.trailhound.rule.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in {@code sigma-errors/} ends with {@code # expect: line:column: severity: message}
 * comments listing exactly the problems the parser must report, in order.
 */
class SigmaParserErrorTest {

  private static final String EXPECT = "# expect: ";

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(SigmaParserErrorTest.class.getResource("/sigma-errors").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports_every_problem_at_its_line_and_column(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    List<String> expected =
        text.lines()
            .filter(l -> l.startsWith(EXPECT))
            .map(l -> name + ":" + l.substring(EXPECT.length()))
            .toList();
    assertThat(expected).as("expectations in " + name).isNotEmpty();
    ParseResult result = SigmaParser.parse(text, name);
    assertThat(result.problems())
        .extracting(RuleProblem::toString)
        .containsExactlyElementsOf(expected);
  }
}
