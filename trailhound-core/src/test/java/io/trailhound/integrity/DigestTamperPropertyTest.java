package io.trailhound.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/** Whatever single byte of a signed digest changes, verification notices and never throws. */
class DigestTamperPropertyTest {

  private static final Path ROOT;
  private static final TestTrail TRAIL;
  private static final Path DIGEST;
  private static final byte[] ORIGINAL;

  static {
    try {
      ROOT = Files.createTempDirectory("digest-tamper");
      TRAIL = TestTrail.write(ROOT);
      DIGEST = TRAIL.digests.get(1).digest();
      ORIGINAL = Hashes.readUncompressed(DIGEST, Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void removeTrail() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 200)
  synchronized void any_changed_byte_is_a_problem(
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int delta)
      throws IOException {
    byte[] tampered = ORIGINAL.clone();
    int i = position % tampered.length;
    tampered[i] = (byte) (tampered[i] + delta);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(DIGEST))) {
      out.write(tampered);
    }

    VerificationReport r = TRAIL.verify();

    assertThat(r.problems()).isNotEmpty();
    assertThat(r.problems())
        .extracting(Problem::kind)
        .containsAnyOf(
            ProblemKind.DIGEST_SIGNATURE_INVALID,
            ProblemKind.DIGEST_UNREADABLE,
            ProblemKind.DIGEST_KEY_UNKNOWN);
  }
}
