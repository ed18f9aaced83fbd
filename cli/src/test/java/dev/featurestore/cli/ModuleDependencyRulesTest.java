package dev.featurestore.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency directions of design.md: core is framework-free, back-ends depend on core
 * and never on each other, only the CLI wires everything together.
 */
class ModuleDependencyRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.featurestore");
  }

  @Test
  void coreDependsOnProtosAndTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.featurestore.core..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.featurestore.core..",
            "dev.featurestore.api..",
            "feast.proto..",
            "com.google.protobuf..",
            "java..",
            "javax.annotation..")
        .check(classes);
  }

  @Test
  void backEndsDoNotDependOnEachOtherOrOnTheServers() {
    String[] backEnds = {
      "dev.featurestore.registry..",
      "dev.featurestore.offlinestore..",
      "dev.featurestore.onlinestore..",
      "dev.featurestore.materializer.."
    };
    for (String backEnd : backEnds) {
      String[] others =
          java.util.Arrays.stream(backEnds).filter(p -> !p.equals(backEnd)).toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(backEnd)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(classes);
      noClasses()
          .that()
          .resideInAPackage(backEnd)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.featurestore.onlineserver..", "dev.featurestore.adminui..", "dev.featurestore.cli..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void serversUseStoresThroughTheCoreSpisOnly() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.featurestore.onlineserver..", "dev.featurestore.adminui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.featurestore.offlinestore..",
            "dev.featurestore.onlinestore..",
            "dev.featurestore.cli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** The console sees the rest of the deployment only through its own interfaces, wired by the CLI. */
  @Test
  void consoleDoesNotDependOnTheServerOrTheMaterializer() {
    noClasses()
        .that()
        .resideInAPackage("dev.featurestore.adminui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.featurestore.onlineserver..", "dev.featurestore.materializer..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("dev.featurestore.(*)..").should().beFreeOfCycles().check(classes);
  }
}
