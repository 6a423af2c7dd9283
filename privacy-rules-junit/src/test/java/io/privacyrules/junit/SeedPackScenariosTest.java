package io.privacyrules.junit;

/**
 * What a compliance author writes to run a pack's scenarios from annotations: no method at all.
 * JUnit discovers the test factory inherited from {@link PackScenarioTests}.
 */
@PackTest(policy = "classpath:bmw-connected-drive-cn", scenarios = "../rules/bmw-connected-drive-cn/scenarios")
class SeedPackScenariosTest implements PackScenarioTests {
}
