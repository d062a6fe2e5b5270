package io.trailhound.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus folder given by the {@code trailhound.shared} system property. */
public final class SharedCorpus {

  private SharedCorpus() {}

  /** {@code relative} inside the shared folder; skips the calling test when it is absent. */
  public static Path require(String relative) {
    String shared = System.getProperty("trailhound.shared");
    assumeTrue(shared != null, "trailhound.shared is not set; skipping corpus test");
    Path path = Path.of(shared).resolve(relative);
    assumeTrue(Files.exists(path), "shared corpus " + path + " is absent; skipping corpus test");
    return path;
  }
}
