package io.trailhound.coverage;

import java.util.List;

/**
 * What one rule or detector declares it detects: the labels coverage is computed from.
 *
 * @param name the rule's name (file stem) or the detector's id
 * @param kind rule, correlation rule or detector
 * @param findingTypes the GuardDuty types its findings carry ({@code finding_types})
 * @param techniques ATT&amp;CK technique ids from its {@code attack.t*} tags
 * @param stratus Stratus Red Team technique ids it detects (the {@code stratus} attribute)
 */
public record ContentItem(
    String name,
    ContentKind kind,
    List<String> findingTypes,
    List<String> techniques,
    List<String> stratus) {

  public ContentItem {
    findingTypes = List.copyOf(findingTypes);
    techniques = List.copyOf(techniques);
    stratus = List.copyOf(stratus);
  }
}
