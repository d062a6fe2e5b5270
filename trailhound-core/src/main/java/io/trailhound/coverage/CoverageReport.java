package io.trailhound.coverage;

import java.util.List;
import java.util.function.Predicate;

/**
 * What loaded content covers of each catalogue.
 *
 * @param guardDuty the GuardDuty types logs can produce ({@code derivable_from_logs} yes or
 *     partly), in catalogue order, each with the content producing it
 * @param attack every ATT&amp;CK IaaS technique, with the content declaring it or one of its
 *     sub-techniques
 * @param stratus every Stratus Red Team AWS technique, with the content declaring it
 * @param unknownTypes finding types content declares that the GuardDuty catalogue does not know
 *     (typos, or Trailhound's own types), as {@code type <- names}
 * @param unknownStratus Stratus ids content declares that the catalogue does not know
 */
public record CoverageReport(
    List<Covered<GuardDutyType>> guardDuty,
    List<Covered<AttackTechnique>> attack,
    List<Covered<StratusTechnique>> stratus,
    List<String> unknownTypes,
    List<String> unknownStratus) {

  public CoverageReport {
    guardDuty = List.copyOf(guardDuty);
    attack = List.copyOf(attack);
    stratus = List.copyOf(stratus);
    unknownTypes = List.copyOf(unknownTypes);
    unknownStratus = List.copyOf(unknownStratus);
  }

  /** The in-scope GuardDuty types whose data source is CloudTrail that nothing produces. */
  public List<GuardDutyType> missingCloudTrailTypes() {
    return missing(guardDuty, GuardDutyType::fromCloudTrail);
  }

  /**
   * The in-scope GuardDuty types from VPC Flow Logs, DNS logs and Lambda network activity (a
   * VPC-attached function's interface in flow logs) that nothing produces.
   */
  public List<GuardDutyType> missingNetworkTypes() {
    return missing(guardDuty, GuardDutyType::fromNetworkLogs);
  }

  /** The Stratus techniques nothing detects. */
  public List<StratusTechnique> missingStratus() {
    return missing(stratus, t -> true);
  }

  private static <T> List<T> missing(List<Covered<T>> list, Predicate<T> filter) {
    return list.stream()
        .filter(c -> !c.covered() && filter.test(c.entry()))
        .map(Covered::entry)
        .toList();
  }

  /** How many entries of a list are covered. */
  public static long coveredCount(List<? extends Covered<?>> list) {
    return list.stream().filter(Covered::covered).count();
  }
}
