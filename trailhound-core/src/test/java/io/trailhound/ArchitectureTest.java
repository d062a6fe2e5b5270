package io.trailhound;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Data flows one way: sources → events → detection → findings; the scan pipeline ties them. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.trailhound");

  @Test
  void the_event_model_depends_on_no_other_stage() {
    noClasses()
        .that()
        .resideInAPackage("io.trailhound.event..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trailhound.source..",
            "io.trailhound.rule..",
            "io.trailhound.detect..",
            "io.trailhound.finding..",
            "io.trailhound.scan..")
        .check(CORE);
  }

  @Test
  void readers_know_nothing_of_rules_detection_or_findings() {
    noClasses()
        .that()
        .resideInAPackage("io.trailhound.source..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trailhound.rule..",
            "io.trailhound.detect..",
            "io.trailhound.finding..",
            "io.trailhound.scan..")
        .check(CORE);
  }

  @Test
  void detection_does_not_read_files_or_build_findings() {
    noClasses()
        .that()
        .resideInAnyPackage("io.trailhound.detect..", "io.trailhound.rule.sigma..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trailhound.source..", "io.trailhound.finding..", "io.trailhound.scan..")
        .check(CORE);
  }

  @Test
  void findings_do_not_depend_on_readers_or_rule_languages() {
    noClasses()
        .that()
        .resideInAPackage("io.trailhound.finding..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trailhound.source..",
            "io.trailhound.rule..",
            "io.trailhound.detect..",
            "io.trailhound.scan..")
        .check(CORE);
  }

  @Test
  void no_package_cycles() {
    slices().matching("io.trailhound.(**)").should().beFreeOfCycles().check(CORE);
  }
}
