package io.trailhound.simulate.scenario;

import java.util.List;

/** An attack the simulator can inject; each run draws its own variation from the context. */
public interface Scenario {

  /**
   * Stable kind, e.g. {@code credential-compromise}; the ground truth's scenario ids start with it.
   */
  String kind();

  String name();

  /** ATT&CK technique ids, plus the Stratus Red Team technique it is modelled on, if any. */
  List<String> techniques();

  /** Plans the attack's calls, all at or after {@code ctx.start()}. */
  Planned plan(ScenarioContext ctx);
}
