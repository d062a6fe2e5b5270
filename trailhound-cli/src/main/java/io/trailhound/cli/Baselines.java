package io.trailhound.cli;

import io.trailhound.detect.baseline.AwsIpRanges;
import io.trailhound.detect.baseline.BaselineConfig;
import io.trailhound.detect.baseline.BaselineStateException;
import io.trailhound.detect.baseline.ProfileStore;
import io.trailhound.detect.baseline.StateFile;
import io.trailhound.enrich.IpEnricher;
import io.trailhound.scan.BaselineStage;
import io.trailhound.scan.ScanStage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The scan's behaviour baselines: options checked, state loaded up front, saved at the end. */
final class Baselines {

  private final ProfileStore store;
  private final BaselineConfig config;
  private final Path stateFile;

  private Baselines(ProfileStore store, BaselineConfig config, Path stateFile) {
    this.store = store;
    this.config = config;
    this.stateFile = stateFile;
  }

  /** Validates the options and loads the state; every problem is a usage error. */
  static Baselines prepare(Path stateFile, Integer learningDays, Path awsIpRanges) {
    BaselineConfig config = BaselineStage.defaultConfig();
    if (learningDays != null) {
      if (learningDays < 0) {
        throw new UsageError("--learning-days must be 0 or more");
      }
      config = config.withLearning(Duration.ofDays(learningDays));
    }
    if (awsIpRanges != null) {
      try {
        config = config.withAwsRanges(AwsIpRanges.load(awsIpRanges));
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageError("--aws-ip-ranges: " + e.getMessage());
      }
    }
    ProfileStore store;
    try {
      store =
          stateFile == null
              ? BaselineStage.newStore()
              : StateFile.load(stateFile, BaselineStage.maxActors(), BaselineStage.maxValues());
    } catch (BaselineStateException e) {
      throw new UsageError("--state " + e.getMessage());
    }
    return new Baselines(store, config, stateFile);
  }

  /** The stage, enriching caller addresses with {@code enricher}. */
  ScanStage.Factory factory(IpEnricher enricher) {
    return BaselineStage.factory(enricher, store, config);
  }

  /** Saves the state (with {@code --state}) and says when the actor cap evicted profiles. */
  void finish(java.io.PrintWriter err) {
    if (store.evicted() > 0) {
      err.printf(
          java.util.Locale.ROOT,
          "trailhound: baselines evicted %,d least recently seen actors at the cap of %,d%n",
          store.evicted(),
          store.maxActors());
    }
    if (stateFile == null) {
      return;
    }
    try {
      StateFile.save(store, stateFile);
    } catch (BaselineStateException e) {
      throw new UsageError("--state " + e.getMessage());
    }
  }
}
