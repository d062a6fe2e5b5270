package io.trailhound.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The coverage goals: GuardDuty finding types, ATT&amp;CK IaaS techniques and Stratus Red Team AWS
 * techniques, as bundled under {@code content/catalogs/} (copies of the project's shared
 * catalogues, with their sources).
 *
 * @param guardDuty every GuardDuty finding type, in catalogue order
 * @param attack every ATT&amp;CK technique of the IaaS platform
 * @param stratus every Stratus Red Team AWS technique
 */
public record CoverageCatalogs(
    List<GuardDutyType> guardDuty, List<AttackTechnique> attack, List<StratusTechnique> stratus) {

  static final String GUARDDUTY = "content/catalogs/guardduty-finding-types.tsv";
  static final String ATTACK = "content/catalogs/mitre-cloud.tsv";
  static final String STRATUS = "content/catalogs/stratus-aws-techniques.tsv";

  public CoverageCatalogs {
    guardDuty = List.copyOf(guardDuty);
    attack = List.copyOf(attack);
    stratus = List.copyOf(stratus);
  }

  /** The bundled catalogues; fails fast when one is missing or malformed. */
  public static CoverageCatalogs builtin() {
    return parse(resource(GUARDDUTY), resource(ATTACK), resource(STRATUS));
  }

  /** Parses the three catalogues from their text. */
  public static CoverageCatalogs parse(String guardDuty, String attack, String stratus) {
    List<GuardDutyType> types = new ArrayList<>();
    for (Map<String, String> r : Tsv.rows(GUARDDUTY, guardDuty)) {
      types.add(
          new GuardDutyType(
              Tsv.cell(GUARDDUTY, r, "finding_type"),
              Tsv.cell(GUARDDUTY, r, "resource_type"),
              Tsv.cell(GUARDDUTY, r, "data_source_category"),
              Tsv.cell(GUARDDUTY, r, "meaning"),
              Tsv.cell(GUARDDUTY, r, "derivable_from_logs")));
    }
    List<AttackTechnique> techniques = new ArrayList<>();
    for (Map<String, String> r : Tsv.rows(ATTACK, attack)) {
      techniques.add(
          new AttackTechnique(
              Tsv.cell(ATTACK, r, "technique_id"),
              Tsv.cell(ATTACK, r, "name"),
              Tsv.cell(ATTACK, r, "tactics")));
    }
    List<StratusTechnique> stratusTechniques = new ArrayList<>();
    for (Map<String, String> r : Tsv.rows(STRATUS, stratus)) {
      String events = Tsv.cell(STRATUS, r, "cloudtrail_events");
      stratusTechniques.add(
          new StratusTechnique(
              Tsv.cell(STRATUS, r, "id"),
              Tsv.cell(STRATUS, r, "name"),
              Tsv.cell(STRATUS, r, "tactics"),
              events.isEmpty() ? List.of() : Arrays.asList(events.split(","))));
    }
    return new CoverageCatalogs(types, techniques, stratusTechniques);
  }

  private static String resource(String path) {
    try (InputStream in = CoverageCatalogs.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no catalogue at " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }
}
