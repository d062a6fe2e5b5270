package io.trailhound.simulate.scenario;

import java.util.List;

/** The registry of scenarios the simulator injects, in a fixed order. */
public final class Scenarios {

  private Scenarios() {}

  /** Every scenario, one instance each. */
  public static List<Scenario> all() {
    return List.of(
        new CredentialCompromise(),
        new S3Exfiltration(),
        new Cryptomining(),
        new CloudTrailStop(),
        new EbsSnapshotShare(),
        new BackdoorRoleTrust(),
        new LoginProfileBackdoor(),
        new ConsoleLoginWithoutMfa());
  }
}
