package dev.matchplane;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the shape of the house style (docs/architecture.md): the matching rules stay pure, and features do not reach into each other's adapters. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.matchplane");

    @Test
    void matcherIsPureJava() {
        noClasses().that().haveSimpleNameStartingWith("Matcher").or().haveSimpleName("WaitingTicket")
                .or().haveSimpleName("ProposedMatch").or().haveSimpleName("QueueRules").or().haveSimpleName("MatchSize")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.lettuce..",
                        "redis..", "jakarta.servlet..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void redisStaysInAdaptersAndSystem() {
        noClasses().that().resideInAPackage("dev.matchplane..").and().haveSimpleNameNotStartingWith("Redis")
                .and().resideOutsideOfPackage("dev.matchplane.redis..")
                .and().haveSimpleNameNotEndingWith("Scripts")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "org.springframework.data.redis..")
                .check(CLASSES);
    }

    @Test
    void noPackageIsNamedAfterALayer() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..repository..", "..impl..")
                .check(CLASSES);
    }
}
