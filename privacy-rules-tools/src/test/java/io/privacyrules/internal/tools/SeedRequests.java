package io.privacyrules.internal.tools;

import io.privacyrules.ProcessingRequest;
import io.privacyrules.Scenarios;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The processing requests of the seed pack's scenario files that the pack accepts as valid. */
final class SeedRequests {
    private SeedRequests() {
    }

    static List<ProcessingRequest> all() {
        List<ProcessingRequest> out = new ArrayList<>();
        for (Path file : Scenarios.files(ToolPacks.SCENARIOS)) {
            try {
                Problems problems = new Problems();
                Node root = YamlReader.read(file.toString(), Files.readAllBytes(file), problems);
                if (!(root instanceof Node.MapNode m) || !(m.get("scenarios") instanceof Node.ListNode list)) {
                    continue;
                }
                for (Node item : list.items()) {
                    if (item instanceof Node.MapNode s && s.get("request") != null) {
                        Problems p = new Problems();
                        ProcessingRequest r = ScenarioRunner.request(s.get("request"), p);
                        if (p.isEmpty()) {
                            out.add(r);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
