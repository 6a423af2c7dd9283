package io.privacyrules.internal.tools;

import io.privacyrules.internal.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed pack for the tools' tests, loaded once, and copies of it with edits. The test packs of
 * the core ({@link #CORE_PACKS}) are read where they are, as the seed pack is read from rules/.
 */
final class ToolPacks {
    static final Path SEED = Path.of("..", "rules", "bmw-connected-drive-cn");
    static final Path SCENARIOS = SEED.resolve("scenarios");
    /** The core module's test packs (general-format, mini-law), shared by path rather than copied. */
    static final Path CORE_PACKS = Path.of("..", "privacy-rules-core", "src", "test", "resources", "packs");

    private static LoadedPack seed;
    private static List<ScenarioRunner.Observed> observed;

    private ToolPacks() {
    }

    static synchronized LoadedPack seed() {
        if (seed == null) {
            seed = LoadedPack.load(SEED.toString());
        }
        return seed;
    }

    /** Every seed scenario, run once with what fired recorded. */
    static synchronized List<ScenarioRunner.Observed> seedObserved() {
        if (observed == null) {
            observed = Coverage.observe(seed().policyEngine(), List.of(SCENARIOS));
        }
        return observed;
    }

    /** Copies the seed pack (without scenarios) into {@code dir}. */
    static Path copy(Path dir) {
        return copy(SEED, dir);
    }

    /** Copies {@code pack} (without its scenario folders) into {@code dir}. */
    static Path copy(Path pack, Path dir) {
        try (Stream<Path> files = Files.walk(pack)) {
            for (Path p : files.toList()) {
                Path rel = pack.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().startsWith("scenarios")) {
                    continue;
                }
                Path target = dir.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} (which must occur) by {@code to} in a file of the pack. */
    static void edit(Path pack, String file, String from, String to) {
        try {
            Path p = pack.resolve(file);
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new AssertionError("the seed pack's " + file + " no longer contains: " + from);
            }
            Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line number (1-based) of the first line of the pack's policy.yaml containing {@code text}. */
    static int lineOf(Path pack, String text) {
        try {
            List<String> lines = Files.readAllLines(pack.resolve("policy.yaml"), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line contains " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
