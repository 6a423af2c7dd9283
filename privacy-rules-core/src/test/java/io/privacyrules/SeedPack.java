package io.privacyrules;

import java.nio.file.Path;

/** The seed pack, loaded once for all tests of the module. */
final class SeedPack {
    static final String LOCATION = "classpath:bmw-connected-drive-cn";
    static final Path FOLDER = Path.of("..", "rules", "bmw-connected-drive-cn");
    static final Path SCENARIOS = FOLDER.resolve("scenarios");

    private static PolicyEngine engine;

    private SeedPack() {
    }

    static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = PolicyEngine.load(LOCATION);
        }
        return engine;
    }
}
