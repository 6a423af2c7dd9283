package io.privacyrules.internal;

import io.privacyrules.PolicyEngine;
import io.privacyrules.internal.engine.Decider;
import io.privacyrules.internal.engine.Engine;
import io.privacyrules.internal.pack.PackCompiler;
import io.privacyrules.internal.pack.PackLoader;
import io.privacyrules.internal.pack.PackSource;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seam between the runtime core and the authoring tools (module {@code privacy-rules-tools}:
 * lint, coverage, explain, diff, doc, the gap report and the HTML report). Not an API: it is
 * {@code public} only because the tools live in another jar, and it may change in any release,
 * together with the tools, which are always built at the same version.
 *
 * <p>The tools reach the core through this class's methods and read what those return. They
 * call nothing else of the core's internals but read these types, all of which stay in the core
 * because deciding needs them:
 * <ul>
 *   <li>{@link Engine} (and {@link Decider} for layers): the pack an engine loaded
 *       ({@link Engine#pack()}), its compiled rules ({@link Engine#rules()},
 *       {@link io.privacyrules.internal.drl.RuleMeta}), and deciding with a
 *       {@link io.privacyrules.internal.drl.Verdict.Trace} that is told of every rule that fires;</li>
 *   <li>{@link io.privacyrules.internal.pack.Pack} and its records,
 *       {@link io.privacyrules.internal.pack.Condition} (a YAML rule's tests, which explain evaluates
 *       against the {@link io.privacyrules.internal.drl.Request} fact),
 *       {@link io.privacyrules.internal.pack.WorkingCalendar} and
 *       {@link io.privacyrules.internal.pack.ChangeKinds}: the validated pack;</li>
 *   <li>{@link Location} and {@link Node}: positions in {@code policy.yaml};</li>
 *   <li>{@link ScenarioRunner.Observed}: a scenario as it ran, with the rules that fired (coverage);</li>
 *   <li>{@link Ids}: clause numbering ({@link Ids#covers}) and identifier syntax.</li>
 * </ul>
 * The core never refers to the tools; a test of the tools module checks that the tools import no
 * other internal class ({@code docs/architecture.md}, "The seam").
 */
public final class Authoring {
    private Authoring() {
    }

    /**
     * The engine of the first (or only) pack of {@code policyEngine}: its pack, its compiled rules,
     * and deciding with a trace.
     *
     * @param policyEngine an engine from {@link PolicyEngine#load(String)} or {@link PolicyEngine#layered}
     * @return the first pack's engine
     */
    public static Engine engine(PolicyEngine policyEngine) {
        return EngineAccess.engine(policyEngine);
    }

    /**
     * What decides for {@code policyEngine}: one engine, or its layers (the gap report decides
     * with both layers and with the company's pack alone).
     *
     * @param policyEngine an engine from {@link PolicyEngine#load(String)} or {@link PolicyEngine#layered}
     * @return the engine or the layers
     */
    public static Decider decider(PolicyEngine policyEngine) {
        return EngineAccess.decider(policyEngine);
    }

    /**
     * The top-level mapping of a pack's {@code policy.yaml} with the positions of its keys, for
     * findings that point at a declaration.
     *
     * @param location a pack folder or {@code classpath:NAME}, as given to {@link PolicyEngine#load(String)}
     * @return the file as named in messages and its top-level mapping (empty when it is not a mapping)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PolicyYaml policyYaml(String location) {
        Objects.requireNonNull(location, "location");
        PackSource source = location.startsWith(PolicyEngine.CLASSPATH_PREFIX)
                ? new PackSource.Classpath(location.substring(PolicyEngine.CLASSPATH_PREFIX.length()),
                        Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                                Authoring.class.getClassLoader()))
                : new PackSource.Folder(Path.of(location));
        String file = source.display(PackLoader.POLICY_FILE);
        Node.MapNode root;
        try {
            byte[] bytes = source.read(PackLoader.POLICY_FILE, YamlReader.MAX_BYTES);
            root = bytes == null ? null : YamlReader.read(file, bytes, new Problems()) instanceof Node.MapNode m ? m : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new PolicyYaml(file, root == null ? new Node.MapNode(Location.of(file), Map.of()) : root);
    }

    /**
     * A pack's {@code policy.yaml} as read for positions.
     *
     * @param file the file as named in messages
     * @param root its top-level mapping
     */
    public record PolicyYaml(String file, Node.MapNode root) {
    }

    /**
     * Runs one scenario file as {@link io.privacyrules.Scenarios#run} does, also recording for each
     * scenario the rules that fired and the clauses cited (coverage, the HTML report).
     *
     * @param policyEngine the engine to decide with
     * @param file a scenario file
     * @return each scenario as it ran, in the file's order
     */
    public static List<ScenarioRunner.Observed> observe(PolicyEngine policyEngine, Path file) {
        return ScenarioRunner.observeFile(policyEngine, file);
    }

    /**
     * DRL source with its comments blanked out, line and column kept, as the compiler sees it
     * (the tools find {@code rule} lines in it).
     *
     * @param drl the text of a DRL file
     * @return the same text with comments replaced by spaces
     */
    public static String withoutComments(String drl) {
        return PackCompiler.withoutComments(drl);
    }
}
