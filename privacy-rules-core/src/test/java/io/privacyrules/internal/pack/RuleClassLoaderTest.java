package io.privacyrules.internal.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The class-loading wall on its own, with the DRL checker switched off: DRL that reaches for a
 * class outside the allowlist does not compile, or if it compiles, cannot resolve the class when
 * it runs. Either way the payload (a system property or a probe file) never takes effect.
 */
class RuleClassLoaderTest {
    private static final String PROPERTY = "privacyrules.wall.probe";

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @AfterEach
    void nothingRan() {
        assertNull(System.getProperty(PROPERTY), "a payload set the probe property");
        assertFalse(Files.exists(dir.resolve("probe")), "a payload wrote the probe file");
    }

    /** Compiles with no check; if it compiles, fires the rules in a session; true when it compiled. */
    private boolean compileAndFire(String drl, List<String> errors) {
        KieBase base = PackCompiler.compileUnchecked(drl, errors);
        if (base == null) {
            return false;
        }
        KieSession session = base.newKieSession();
        try {
            session.insert("a fact");
            session.fireAllRules();
        } catch (RuntimeException | LinkageError expected) {
            errors.add(expected.toString());
        } finally {
            session.dispose();
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "java.lang.System.exit(42);",
            "System.setProperty(\"" + PROPERTY + "\", \"ran\");",
            "java.lang.Runtime.getRuntime().exec(new String[]{\"touch\", \"PROBE\"});",
            "new java.lang.ProcessBuilder(\"touch\", \"PROBE\").start();",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"PROBE\"), \"x\");",
            "new java.io.FileOutputStream(\"PROBE\").close();",
            "new java.lang.Thread(() -> System.setProperty(\"" + PROPERTY + "\", \"ran\")).start();",
            "Class.forName(\"java.lang.System\").getMethod(\"setProperty\", String.class, String.class)"
                    + ".invoke(null, \"" + PROPERTY + "\", \"ran\");",
            "ClassLoader.getSystemClassLoader().loadClass(\"java.lang.System\");",
            "java.lang.invoke.MethodHandles.lookup();",
            "String.class.getClassLoader().loadClass(\"java.lang.System\");",
    })
    void aConsequenceCannotReachAClassOutsideTheWall(String payload) {
        String body = payload.replace("PROBE", dir.resolve("probe").toString());
        List<String> errors = new ArrayList<>();
        boolean compiled = compileAndFire("rule \"x\"\nwhen\nthen\n    " + body + "\nend\n", errors);
        assertFalse(compiled && errors.isEmpty(), "compiled and ran without error: " + body);
        if (!compiled) {
            assertTrue(errors.stream().anyMatch(e -> e.contains("cannot be resolved") || e.contains("not available")
                    || e.contains("Unable to resolve") || e.contains("error")), errors::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "String( this != java.lang.System.setProperty(\"" + PROPERTY + "\", \"ran\") )",
            "eval( java.lang.System.setProperty(\"" + PROPERTY + "\", \"ran\") == null )",
            "String( this != System.setProperty(\"" + PROPERTY + "\", \"ran\") )",
            "eval( System.setProperty(\"" + PROPERTY + "\", \"ran\") == null )",
            "String( this != new java.lang.ProcessBuilder(\"touch\", \"PROBE\").start().toString() )",
    })
    void aConditionCannotReachAClassOutsideTheWall(String condition) {
        String when = condition.replace("PROBE", dir.resolve("probe").toString());
        List<String> errors = new ArrayList<>();
        boolean compiled = compileAndFire("rule \"x\"\nwhen\n    " + when + "\nthen\nend\n", errors);
        assertFalse(compiled && errors.isEmpty(), "compiled and ran without error: " + when);
    }

    @Test
    void aLookupByNameDoesNotEvenCompile() {
        // (a bare "Class" names an empty class in a pack, see internal.drl.shadow)
        // Class.forName declares ClassNotFoundException, which is outside the wall: the compiler
        // cannot type the call, so a run-time lookup never gets as far as the class loader.
        List<String> errors = new ArrayList<>();
        boolean compiled = compileAndFire("rule \"x\"\nwhen\nthen\n    Object c = java.lang.Class.forName(\"java.lang.System\");\nend\n", errors);
        assertFalse(compiled, errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("ClassNotFoundException")), errors::toString);
    }

    /**
     * The wall holds for consequences because the Java compiler types them against it. In the MVEL
     * dialect a consequence calls methods by reflection ({@code "x".getClass().forName(...)}
     * reaches {@code System}), as an interpreted MVEL condition can: compiling consequences as MVEL
     * would make a pack load about twice as fast cold, and was measured and refused for that
     * reason (docs/performance.md). This keeps a pack's consequences in the Java dialect.
     */
    @Test
    void aPacksConsequencesAreCompiledAsJava() {
        io.privacyrules.internal.Problems problems = new io.privacyrules.internal.Problems();
        Pack pack = PackLoader.load(new PackSource.Folder(Path.of("..", "rules", "bmw-connected-drive-cn")), problems);
        PackCompiler.Compiled compiled = PackCompiler.compile(pack, problems, true);
        assertTrue(problems.isEmpty(), problems::toString);
        int rules = 0;
        for (org.kie.api.definition.KiePackage p : compiled.kieBase().getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                assertEquals("java", ((org.drools.base.definitions.rule.impl.RuleImpl) r).getDialect(), r.getName());
                rules++;
            }
        }
        assertTrue(rules > 0, "the seed pack has DRL rules");
    }

    @Test
    void theWallLetsThroughOnlyItsList() {
        RuleClassLoader wall = new RuleClassLoader();
        assertThrows(ClassNotFoundException.class, () -> wall.loadClass("java.lang.System"));
        assertThrows(ClassNotFoundException.class, () -> wall.loadClass("java.lang.Runtime"));
        assertThrows(ClassNotFoundException.class, () -> wall.loadClass("java.lang.reflect.Method"));
        assertThrows(ClassNotFoundException.class, () -> wall.loadClass("org.mvel2.MVEL"));
        assertThrows(ClassNotFoundException.class, () -> wall.loadClass("org.drools.util.IoUtils"));
        assertNull(wall.getResource("java/lang/System.class"));
        assertNull(wall.getResource("rules/bmw-connected-drive-cn/policy.yaml"));
        assertTrue(wall.refused().contains("java.lang.System"));
        assertTrue(RuleClassLoader.allows("io.privacyrules.internal.drl.Request"));
        assertTrue(RuleClassLoader.allows("java.lang.String"));
        assertFalse(RuleClassLoader.allows("org.drools.core.base.accumulators.sub.Evil"));
    }
}
