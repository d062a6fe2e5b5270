package io.trailhound.coverage;

/**
 * One MITRE ATT&amp;CK technique of the IaaS platform.
 *
 * @param id technique id ({@code T1562.008})
 * @param name technique name
 * @param tactics the tactics it serves, as ATT&amp;CK titles them, comma-separated
 */
public record AttackTechnique(String id, String name, String tactics) {

  /** The parent technique's id for a sub-technique ({@code T1562}), else the id itself. */
  public String parentId() {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }
}
