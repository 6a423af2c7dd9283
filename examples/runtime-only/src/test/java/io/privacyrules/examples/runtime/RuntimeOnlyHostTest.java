package io.privacyrules.examples.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's "done when": a host that depends only on privacy-rules-core decides, with no authoring
 * class on its classpath. This module's test classpath, as Maven resolved it, is exactly core's
 * runtime dependencies, the packs and JUnit: if core ever depended on the tools again (or carried
 * their classes), this test would see them.
 */
class RuntimeOnlyHostTest {
    /** Packages of the authoring tools and the command line, none of which a host needs. */
    static final List<String> AUTHORING = List.of("io/privacyrules/internal/tools/", "io/privacyrules/cli/", "picocli/");

    static List<String> classpath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    @Test
    void noAuthoringClassCanBeLoaded() {
        for (String name : List.of("io.privacyrules.internal.tools.Lint", "io.privacyrules.internal.tools.LoadedPack",
                "io.privacyrules.internal.tools.Coverage", "io.privacyrules.internal.tools.PackDiff",
                "io.privacyrules.internal.tools.PackDoc", "io.privacyrules.internal.tools.GapReport",
                "io.privacyrules.internal.tools.Explain", "io.privacyrules.junit.PackCoverage",
                "io.privacyrules.cli.Main", "picocli.CommandLine")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, getClass().getClassLoader()), name);
        }
    }

    @Test
    void noClasspathEntryIsOrHoldsAnAuthoringModule() {
        List<String> entries = classpath();
        assertTrue(entries.stream().anyMatch(e -> e.contains("privacy-rules-core")), entries::toString);
        List<String> found = new ArrayList<>();
        for (String entry : entries) {
            if (entry.contains("privacy-rules-tools") || entry.contains("privacy-rules-junit")
                    || entry.contains("privacy-rules-cli") || entry.contains("picocli")) {
                found.add(entry);
            }
            for (String name : entryNames(Path.of(entry))) {
                // classes only: an empty folder left by an incremental build is not an authoring class
                if (name.endsWith(".class") && AUTHORING.stream().anyMatch(name::startsWith)) {
                    found.add(entry + "!" + name);
                    break;
                }
            }
        }
        assertEquals(List.of(), found, "authoring modules or classes on a runtime-only classpath");
    }

    @Test
    void theHostDecides() {
        RuntimeOnlyHost host = new RuntimeOnlyHost("classpath:bmw-connected-drive-cn");
        Decision permitted = host.shareGenderWithDealer(true);
        assertTrue(permitted.permitted(), permitted::toString);
        assertEquals(List.of("anonymize", "aggregate", "confidentiality-agreement"), permitted.obligationIds());
        assertEquals("III.2(1)(b)", permitted.reasons().get(0).clause());
        Decision denied = host.shareGenderWithDealer(false);
        assertFalse(denied.permitted(), denied::toString);
    }

    @Test
    void scenarioFilesRunWithTheCoreAlone() {
        // Scenarios (public API) stays in the core: hosts' own tests run scenario files without the tools
        PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn");
        List<ScenarioResult> results = Scenarios.run(engine, Path.of("..", "..", "rules", "bmw-connected-drive-cn", "scenarios"));
        assertFalse(results.isEmpty());
        assertTrue(results.stream().allMatch(ScenarioResult::passed),
                () -> results.stream().filter(r -> !r.passed()).map(Object::toString).toList().toString());
    }

    /** The class and resource names in a jar or a folder of classes. */
    private static List<String> entryNames(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> s = Files.walk(entry)) {
                    return s.map(p -> entry.relativize(p).toString().replace(File.separatorChar, '/') + (Files.isDirectory(p) ? "/" : ""))
                            .toList();
                }
            }
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    return jar.stream().map(java.util.zip.ZipEntry::getName).toList();
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
