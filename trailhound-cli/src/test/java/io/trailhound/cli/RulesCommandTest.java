package io.trailhound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

  private static Path shared() {
    Path p = Path.of(System.getProperty("trailhound.shared", "../../shared"));
    assumeTrue(Files.isDirectory(p.resolve("corpus")), "shared corpus absent: " + p + " (skipped)");
    return p.resolve("corpus");
  }

  @Test
  void builtin_pack_passes_its_fixtures() {
    Cli run = Cli.run("rules", "test");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("PASS th-cloudtrail-logging-stopped")
        .contains("SKIP th-chain-iam-compromise-from-new-location: chains the findings of")
        .contains("0 failed");
  }

  @Test
  void sigmahq_rules_lint_clean() {
    Cli run = Cli.run("rules", "lint", shared().resolve("sigma/rules/rules").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("0 errors");
  }

  @Test
  void sigma_1_aggregation_rules_are_rejected_with_file_line_and_column() {
    Cli run = Cli.run("rules", "lint", shared().resolve("sigma/rules/unsupported").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("aws_enum_network.yml:27:26: error: condition uses the Sigma 1.0 aggregation")
        .contains("aws_lambda_function_created_or_invoked.yml:")
        .contains("| near selection2");
    assertThat(
            run.out()
                .lines()
                .filter(l -> l.contains(": error: "))
                .map(l -> l.substring(0, l.indexOf(".yml:")))
                .distinct())
        .hasSize(8);
  }

  @Test
  void scan_accepts_extra_rule_directories() {
    Cli run =
        Cli.run(
            "scan",
            "--rules",
            shared().resolve("sigma/rules/rules").toString(),
            "../examples/logs");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Rules: 214");
  }
}
