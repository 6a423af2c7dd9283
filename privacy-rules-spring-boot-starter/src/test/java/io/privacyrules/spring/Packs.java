package io.privacyrules.spring;

import io.privacyrules.PolicyEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the seed pack in a folder, for tests that break or change a pack. */
final class Packs {
    static final String SEED = "classpath:bmw-connected-drive-cn";
    static final String LAW = "classpath:pipl-baseline";
    static final Path SEED_FOLDER = Path.of("..", "rules", "bmw-connected-drive-cn");

    private static PolicyEngine seed;

    private Packs() {
    }

    /**
     * The seed pack, loaded once for the tests whose point is not loading: they give it to the
     * context as the application's own engine, and the starter then loads nothing.
     */
    static synchronized PolicyEngine seedEngine() {
        if (seed == null) {
            seed = PolicyEngine.load(SEED);
        }
        return seed;
    }

    /** Copies the seed pack's policy.yaml, maps and DRL (not its scenarios) into {@code dir}. */
    static Path copySeed(Path dir) {
        try (Stream<Path> files = Files.walk(SEED_FOLDER)) {
            for (Path p : files.toList()) {
                Path rel = SEED_FOLDER.relativize(p);
                if (rel.toString().startsWith("scenarios")) {
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

    /** Replaces {@code from}, which must occur, by {@code to} in {@code file} of the pack. */
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

    /** Makes the pack invalid: a jurisdiction that is not an ISO 3166 code. */
    static void breakJurisdiction(Path pack) {
        edit(pack, "policy.yaml", "jurisdiction: CN", "jurisdiction: China");
    }

    /** Gives the pack another version string, so that loading it swaps. */
    static void setVersion(Path pack, String version) {
        try {
            Path p = pack.resolve("policy.yaml");
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Files.writeString(p, text.replaceFirst("(?m)^version: .*$", "version: \"" + version + "\""),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
