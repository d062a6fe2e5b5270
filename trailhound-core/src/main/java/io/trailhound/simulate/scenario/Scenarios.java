package io.trailhound.simulate.scenario;

import java.util.ArrayList;
import java.util.List;

/** The registry of scenarios the simulator injects, in a fixed order. */
public final class Scenarios {

  private Scenarios() {}

  private static final List<Scenario> ALL = build();

  /** Every scenario, one instance each. */
  public static List<Scenario> all() {
    return ALL;
  }

  private static List<Scenario> build() {
    List<Scenario> out =
        new ArrayList<>(
            List.of(
                new CredentialCompromise(),
                new S3Exfiltration(),
                new Cryptomining(),
                new CloudTrailStop(),
                new EbsSnapshotShare(),
                new BackdoorRoleTrust(),
                new LoginProfileBackdoor(),
                new ConsoleLoginWithoutMfa()));
    out.addAll(CredentialAccess.all());
    out.addAll(DefenseEvasion.all());
    out.addAll(Execution.all());
    out.addAll(Exfiltration.all());
    out.addAll(Persistence.all());
    for (AccountTakeover.Way way : AccountTakeover.Way.values()) {
      out.add(new AccountTakeover(way));
    }
    return List.copyOf(out);
  }
}
