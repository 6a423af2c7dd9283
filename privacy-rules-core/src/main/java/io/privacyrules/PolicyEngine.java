package io.privacyrules;

import io.privacyrules.internal.Problems;
import io.privacyrules.internal.engine.Engine;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackCompiler;
import io.privacyrules.internal.pack.PackLoader;
import io.privacyrules.internal.pack.PackSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decides whether a host may process personal information, by the rules of one rule pack.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn");
 * Decision d = engine.decide(ProcessingRequest.builder()
 *         .action("share").purpose("service-analytics").data("identity.gender")
 *         .recipient("authorized-dealer").consent(Consent.toRecipient("authorized-dealer"))
 *         .build());
 * d.permitted();      // true
 * d.obligationIds();  // [confidentiality-agreement, anonymize, aggregate]
 * }</pre>
 *
 * <p>Loading validates the whole pack (YAML and DRL) and compiles it once; a pack with problems
 * throws {@link PolicyLoadException} listing all of them. Deciding never throws: an invalid
 * request, or a rule that fails, is a deny with a reason ({@code invalid-request},
 * {@code internal-error}).
 *
 * <p>Immutable and thread-safe: build one engine per pack version and share it.
 */
public final class PolicyEngine {
    /** The prefix of a pack location on the classpath. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private final Engine engine;

    private PolicyEngine(Engine engine) {
        this.engine = engine;
    }

    /**
     * Loads a pack from a location: a folder path, or {@code classpath:NAME} for a pack packaged
     * under {@code NAME/} on the classpath.
     *
     * @throws NullPointerException if {@code location} is null
     * @throws PolicyLoadException  if the pack does not load, with every problem found
     */
    public static PolicyEngine load(String location) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String name = location.substring(CLASSPATH_PREFIX.length());
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return load(new PackSource.Classpath(name, loader != null ? loader : PolicyEngine.class.getClassLoader()));
        }
        return load(Path.of(location));
    }

    /**
     * Loads a pack from a folder.
     *
     * @throws NullPointerException if {@code folder} is null
     * @throws PolicyLoadException  if the pack does not load, with every problem found
     */
    public static PolicyEngine load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return load(new PackSource.Folder(folder));
    }

    private static PolicyEngine load(PackSource source) {
        Problems problems = new Problems();
        Pack pack = PackLoader.load(source, problems);
        PackCompiler.Compiled compiled = null;
        if (pack != null) {
            compiled = PackCompiler.compile(pack, problems, problems.isEmpty());
        }
        if (!problems.isEmpty() || compiled == null) {
            throw new PolicyLoadException(source.describe(), problems.sorted());
        }
        return new PolicyEngine(new Engine(compiled));
    }

    /** The pack this engine decides by. */
    public PolicyInfo policy() {
        return engine.info();
    }

    /**
     * Decides a request. Never throws and never returns null: a null or invalid request is a deny
     * with reason code {@code invalid-request} naming what is wrong; a failure inside a rule is a
     * deny with reason code {@code internal-error}.
     */
    public Decision decide(ProcessingRequest request) {
        return engine.decide(request);
    }
}
