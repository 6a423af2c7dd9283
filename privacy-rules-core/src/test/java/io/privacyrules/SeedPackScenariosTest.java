package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario of the seed pack, one dynamic test each. */
class SeedPackScenariosTest {

    @TestFactory
    Stream<DynamicTest> seedPackScenarios() {
        return Scenarios.run(SeedPack.engine(), SeedPack.SCENARIOS).stream()
                .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertTrue(r.passed(), r::toString)));
    }
}
