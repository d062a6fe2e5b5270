package io.trailhound.simulate;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A log source the simulator can write; {@code --sources} names them in lower case. */
public enum SimulatedSource {
  CLOUDTRAIL,
  VPCFLOW,
  DNS,
  OKTA,
  ENTRA,
  M365;

  /** Its name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code cloudtrail,vpcflow,...}; throws {@link IllegalArgumentException} for others. */
  public static Set<SimulatedSource> parse(String list) {
    Set<SimulatedSource> out = EnumSet.noneOf(SimulatedSource.class);
    for (String s : list.split(",", -1)) {
      String name = s.strip();
      boolean found = false;
      for (SimulatedSource v : values()) {
        if (v.label().equals(name)) {
          out.add(v);
          found = true;
        }
      }
      if (!found) {
        throw new IllegalArgumentException(
            "unknown source '" + name + "' (known: cloudtrail, vpcflow, dns, okta, entra, m365)");
      }
    }
    return out;
  }
}
