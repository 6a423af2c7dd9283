package io.privacyrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reproductions of the sandbox-bypass report, run as the report ran them: each added as
 * rules/hostile.drl to a copy of the seed pack, then {@code decide --policy COPY --request R}.
 * The command exits 2 with the file, line and column, and the payload (which would end this JVM
 * with its own exit code, or create a file) does not run.
 */
class HostilePackTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "rule \"x\" @clause(\"I\")\nwhen\n  Request( purpose != '\"' ) then java.lang.System.exit(42); /* \"\nthen\n"
                    + "  out.deny(\"c-d\", \"m */ //\");\nend\n",
            "rule \"x\" @clause(\"I\")\nwhen\n  Request()\nthen\n  out.deny(\"c-d\", \"m\"); // \\u000a java.lang.System.exit(43);\nend\n",
            "rule \"x\" @clause(\"I\")\nwhen\n  Request()\nthen\n  out.deny(\"c-d\", \"m\\u0022 + java.lang.Runtime.getRuntime()"
                    + ".exec(new String[]{\\u0022touch\\u0022, \\u0022PROBE\\u0022}) + \\u0022\");\nend\n",
    })
    void eachReproductionExitsTwoWithALocationAndRunsNothing(String drl) throws IOException {
        Path pack = copySeed(dir.resolve("pack"));
        Path probe = dir.resolve("pwned");
        Files.writeString(pack.resolve("rules/hostile.drl"), drl.replace("PROBE", probe.toString()));
        Path policy = pack.resolve("policy.yaml");
        Files.writeString(policy, Files.readString(policy).replace("  - rules/retention.drl",
                "  - rules/retention.drl\n  - rules/hostile.drl"));
        Path request = dir.resolve("request.yaml");
        Files.writeString(request, "action: collect\npurpose: account-registration\ndata: [account.credentials]\n");

        MainTest.Run r = MainTest.run("", "decide", "--policy", pack.toString(), "--request", request.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().matches("(?s)error: .*hostile\\.drl:[1-9][0-9]*:[1-9][0-9]*: .*"), r.err());
        assertFalse(Files.exists(probe), "the payload ran");
    }

    private static Path copySeed(Path target) throws IOException {
        Path seed = Path.of(MainTest.PACK);
        try (Stream<Path> files = Files.walk(seed)) {
            for (Path p : files.toList()) {
                Path rel = seed.relativize(p);
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
