package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the seed pack with edits, for tests of loading and deciding. */
public final class TestPacks {
    private TestPacks() {
    }

    /**
     * Writes two packs into {@code dir}, {@code company} with its map file {@code maps/law.yaml}
     * onto {@code law} (whose pack id must be {@code law}), and loads them as layers.
     */
    static PolicyEngine layered(Path dir, String company, String law, String map) throws IOException {
        Path first = Files.createDirectories(dir.resolve("company").resolve("maps")).getParent();
        Files.writeString(first.resolve("policy.yaml"), company);
        Files.writeString(first.resolve("maps/law.yaml"), map);
        Path second = Files.createDirectories(dir.resolve("law"));
        Files.writeString(second.resolve("policy.yaml"), law);
        return PolicyEngine.layered(first.toString(), second.toString());
    }

    /** Copies the seed pack's policy.yaml and DRL into {@code dir}. */
    public static Path copySeed(Path dir) {
        return copy(SeedPack.FOLDER, dir);
    }

    /** Copies a pack's policy.yaml, DRL and maps (not its scenarios) into {@code dir}. */
    public static Path copy(Path pack, Path dir) {
        try (Stream<Path> files = Files.walk(pack)) {
            for (Path p : files.toList()) {
                Path rel = pack.relativize(p);
                if (rel.startsWith("scenarios")) {
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
    public static void edit(Path pack, String file, String from, String to) {
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

    /** The text of a file of the pack. */
    static String read(Path pack, String file) {
        try {
            return Files.readString(pack.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of policy.yaml that contains {@code text}. */
    static int lineOf(Path pack, String text) {
        List<String> lines = read(pack, "policy.yaml").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line of policy.yaml contains " + text);
    }

    static void write(Path pack, String file, String text) {
        try {
            Path p = pack.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a pack that must fail, returning its problems. */
    static List<Problem> problems(Path pack) {
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicyEngine.load(pack));
        return e.problems();
    }

    /** Loads a pack that must fail with exactly one problem, returning it. */
    static Problem problem(Path pack) {
        List<Problem> problems = problems(pack);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }
}
