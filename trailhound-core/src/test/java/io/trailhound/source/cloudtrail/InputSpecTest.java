package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.source.Input;
import io.trailhound.source.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSpecTest {

  @TempDir Path tmp;

  @Test
  void walks_directories_recursively_in_sorted_order_and_keeps_stdin() throws IOException {
    Files.createDirectories(tmp.resolve("b/c"));
    Files.writeString(tmp.resolve("b/c/z.json"), "[]");
    Files.writeString(tmp.resolve("b/a.json"), "[]");
    Files.writeString(tmp.resolve("a.json.gz"), "[]");
    Files.writeString(tmp.resolve(".DS_Store"), "x");
    InputSpec.Expansion e = InputSpec.expand(List.of("-", tmp.toString(), "-"));
    assertThat(e.inputs())
        .extracting(Input::location)
        .containsExactly(
            "-",
            tmp.resolve("a.json.gz").toString(),
            tmp.resolve("b/a.json").toString(),
            tmp.resolve("b/c/z.json").toString());
    assertThat(e.skips()).isEmpty();
  }

  @Test
  void lists_a_file_named_twice_once() throws IOException {
    Path f = Files.writeString(tmp.resolve("a.json"), "[]");
    assertThat(InputSpec.expand(List.of(f.toString(), f.toString())).inputs()).hasSize(1);
  }
}
