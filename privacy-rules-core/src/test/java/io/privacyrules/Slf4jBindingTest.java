package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The library logs through slf4j-api and leaves the binding to the host (docs/host-integration.md,
 * "Logging"). This module's tests put slf4j-nop on the class path, in test scope only; any other
 * SLF4J provider found here came with a compile or runtime dependency, and would reach every host.
 */
class Slf4jBindingTest {
    @Test
    void noDependencyOfTheLibraryBringsAnSlf4jBinding() {
        List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(p -> p.type().getName() + " (" + p.type().getProtectionDomain().getCodeSource().getLocation() + ")")
                .toList();
        assertEquals(1, providers.size(), () -> "SLF4J providers on the class path: " + providers);
        assertEquals("org.slf4j.nop.NOPServiceProvider", providers.get(0).substring(0, providers.get(0).indexOf(' ')),
                () -> "the only SLF4J provider should be the test-scoped slf4j-nop: " + providers);
        assertNull(Slf4jBindingTest.class.getClassLoader().getResource("org/slf4j/impl/StaticLoggerBinder.class"),
                "an SLF4J 1.x binding is on the class path");
    }
}
