package io.trailhound.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store sits beside the engine: it uses events, findings and the scan-stage hook, no more. */
class StoreArchitectureTest {

  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.trailhound");

  @Test
  void the_store_uses_only_the_event_finding_and_scan_apis_of_core() {
    noClasses()
        .that()
        .resideInAPackage("io.trailhound.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trailhound.source..",
            "io.trailhound.rule..",
            "io.trailhound.detect..",
            "io.trailhound.integrity..",
            "io.trailhound.simulate..",
            "io.trailhound.cli..")
        .check(ALL);
  }

  @Test
  void the_core_does_not_depend_on_the_store() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.trailhound.store..")
        .and()
        .resideInAPackage("io.trailhound..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.trailhound.store..")
        .check(ALL);
  }
}
