package io.privacyrules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Decision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import io.privacyrules.junit.PackScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class QuickStartTest {
    @Test
    void theReadmeExampleDecidesAsTheReadmeSays() {
        Decision d = QuickStart.run();
        assertTrue(d.permitted());
        assertEquals(List.of("anonymize", "aggregate", "confidentiality-agreement"), d.obligationIds());
    }

    /** How a compliance author's project runs a pack's scenarios: a few lines. */
    @TestFactory
    Stream<DynamicNode> childrenScenarios() {
        return PackScenarios.of("classpath:bmw-connected-drive-cn", "../rules/bmw-connected-drive-cn/scenarios/05-children.yaml");
    }
}
