package io.privacyrules;

import io.privacyrules.internal.Problems;
import io.privacyrules.internal.engine.Decider;
import io.privacyrules.internal.engine.Engine;
import io.privacyrules.internal.engine.Layers;
import io.privacyrules.internal.engine.Translation;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackCompiler;
import io.privacyrules.internal.pack.PackLoader;
import io.privacyrules.internal.pack.PackSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import io.privacyrules.spi.DecisionEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Decides whether a host may process personal information, by the rules of one rule pack.
 *
 * <pre>{@code
 * // the bundled seed pack (artifact privacy-rules-packs); a host loads its own pack the same way
 * PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn");
 * Decision d = engine.decide(ProcessingRequest.builder()
 *         .action("share").purpose("service-analytics").data("identity.gender")
 *         .recipient("authorized-dealer").consent(Consent.toRecipient("authorized-dealer"))
 *         .build());
 * d.permitted();      // true
 * d.obligationIds();  // [anonymize, aggregate, confidentiality-agreement]
 * }</pre>
 *
 * <p>The same engine answers data-subject requests ({@link #decide(RightsRequest)}) and retention
 * queries ({@link #decide(RetentionQuery)}, {@link #toDispose}). Where a request leaves the day
 * open, "today" comes from the engine's {@link Clock}: by default the system clock in the pack's
 * time zone; tests inject a fixed one with {@link #withClock(Clock)}.
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

    private final Decider engine;
    private final Clock clock;
    private final DecisionLog log;

    static {
        io.privacyrules.internal.EngineAccess.set(e -> e.engine);
    }

    private PolicyEngine(Decider engine, Clock clock, DecisionLog log) {
        this.engine = engine;
        this.clock = clock;
        this.log = log;
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
        return load(source(location));
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
        PackCompiler.warmUp();
        Problems problems = new Problems();
        PackCompiler.Compiled compiled = compile(source, problems);
        if (!problems.isEmpty() || compiled == null) {
            throw new PolicyLoadException(source.describe(), problems.sorted());
        }
        return new PolicyEngine(new Engine(compiled), Clock.system(compiled.pack().timeZone()), null);
    }

    private static PackCompiler.Compiled compile(PackSource source, Problems problems) {
        int before = problems.size();
        Pack pack = PackLoader.load(source, problems);
        if (pack == null) {
            return null;
        }
        return PackCompiler.compile(pack, problems, problems.size() == before);
    }

    private static PackSource source(String location) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String name = location.substring(CLASSPATH_PREFIX.length());
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return new PackSource.Classpath(name, loader != null ? loader : PolicyEngine.class.getClassLoader());
        }
        return new PackSource.Folder(Path.of(location));
    }

    /**
     * Loads several packs as layers of one engine, for example a company's policy and the law it
     * lives under: {@code layered("classpath:pulsetrack-eu", "classpath:gdpr-baseline")} for the
     * bundled PulseTrack pack under the GDPR, or {@code layered("classpath:bmw-connected-drive-cn",
     * "classpath:pipl-baseline")} for the bundled seed pack under PIPL.
     *
     * <p>Requests are written in the first pack's identifiers. Each later pack sees them through
     * the first pack's map file {@code maps/<its-pack-id>.yaml}; an identifier the file does not
     * map is taken as it is and must then be declared by that pack too, so the two vocabularies
     * are checked to fit when loading. A request is permitted only when every layer permits it
     * (deny overrides across layers), obligations are the union, and every {@link Reason} names
     * its {@link Reason#pack() pack}. A data-subject request is fulfilled when any layer with
     * rights fulfils it, and a record is retained when any layer retains it. Decisions name the
     * layers together in {@link Decision#policy()}, for example
     * {@code pulsetrack-eu+gdpr-baseline}. One location loads one pack, as
     * {@link #load(String)}.
     *
     * @throws NullPointerException     if {@code locations} or one of them is null
     * @throws IllegalArgumentException if no location is given
     * @throws PolicyLoadException      if a pack or a map does not load, with every problem found
     */
    public static PolicyEngine layered(String... locations) {
        return layered(List.of(Objects.requireNonNull(locations, "locations")));
    }

    /**
     * As {@link #layered(String...)}.
     *
     * @throws NullPointerException     if {@code locations} or one of them is null
     * @throws IllegalArgumentException if the list is empty
     * @throws PolicyLoadException      if a pack or a map does not load, with every problem found
     */
    public static PolicyEngine layered(List<String> locations) {
        List<String> all = List.copyOf(Objects.requireNonNull(locations, "locations"));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no pack location given");
        }
        if (all.size() == 1) {
            return load(all.get(0));
        }
        PackCompiler.warmUp();
        Problems problems = new Problems();
        List<PackSource> sources = all.stream().map(PolicyEngine::source).toList();
        List<PackCompiler.Compiled> compiled = new java.util.ArrayList<>();
        for (PackSource s : sources) {
            compiled.add(compile(s, problems));
        }
        String describe = "layers " + sources.stream().map(PackSource::describe).collect(java.util.stream.Collectors.joining(" + "));
        if (!problems.isEmpty() || compiled.contains(null)) {
            throw new PolicyLoadException(describe, problems.sorted());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < compiled.size(); i++) {
            String id = compiled.get(i).pack().info().id();
            if (!ids.add(id)) {
                problems.add(io.privacyrules.internal.yaml.Location.of(sources.get(i).display("policy.yaml")),
                        "pack " + id + " is layered twice", "name each pack once");
            }
        }
        List<Translation> translations = new java.util.ArrayList<>();
        Pack first = compiled.get(0).pack();
        for (int i = 1; i < compiled.size(); i++) {
            translations.add(Translation.load(sources.get(0), first, compiled.get(i).pack(), problems));
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(describe, problems.sorted());
        }
        List<Engine> engines = compiled.stream().map(Engine::new).toList();
        return new PolicyEngine(new Layers(engines, translations), Clock.system(first.timeZone()), null);
    }

    /**
     * The packs this engine decides by, the first (whose identifiers requests use) first; one
     * element unless the engine is {@link #layered}.
     */
    public List<PolicyInfo> layers() {
        return engine.engines().stream().map(Engine::info).toList();
    }

    /**
     * This engine with another clock, sharing the compiled pack (cheap).
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public PolicyEngine withClock(Clock clock) {
        return new PolicyEngine(engine, Objects.requireNonNull(clock, "clock"), log);
    }

    /**
     * This engine sending every decision to {@code log} as well, sharing the compiled pack. The log
     * never delays or changes a decision.
     *
     * @throws NullPointerException if {@code log} is null
     */
    public PolicyEngine withDecisionLog(DecisionLog log) {
        return new PolicyEngine(engine, clock, Objects.requireNonNull(log, "log"));
    }

    /** This engine's settings (clock, decision log) on another loaded pack. */
    PolicyEngine sameSettings(PolicyEngine other) {
        return new PolicyEngine(other.engine, clock, log);
    }

    /** The clock that tells this engine what day it is. */
    public Clock clock() {
        return clock;
    }

    /**
     * The pack this engine decides by; for a {@link #layered} engine, the layers together (ids and
     * versions joined with {@code +}), as decisions name them.
     */
    public PolicyInfo policy() {
        return engine.info();
    }

    /**
     * Decides a request. Never throws and never returns null: a null or invalid request is a deny
     * with reason code {@code invalid-request} naming what is wrong; a failure inside a rule is a
     * deny with reason code {@code internal-error}.
     */
    public Decision decide(ProcessingRequest request) {
        Decision d = engine.decide(request);
        if (log != null) {
            record(() -> DecisionEvents.of(request), "processing", d.effect().id(), null, d.reasons(), d.obligationIds());
        }
        return d;
    }

    /**
     * Decides a data-subject request: fulfil (with the day to respond by and the obligations),
     * refuse, or verify the subject's identity first. Never throws and never returns null: an
     * invalid request, or a failure inside a rule, is a refusal with reason code
     * {@code invalid-request} or {@code internal-error}, which the host must treat as its own
     * error to fix rather than as an answer to send the subject.
     */
    public RightsDecision decide(RightsRequest request) {
        RightsDecision d = engine.decide(request, LocalDate.now(clock));
        if (log != null) {
            record(() -> DecisionEvents.of(request), "rights", d.outcome().id(), d.respondBy(), d.reasons(),
                    d.obligationIds());
        }
        return d;
    }

    /**
     * Decides whether a stored record may still be kept. Never throws and never returns null: an
     * invalid query, or a failure inside a rule, is a {@code retain} (the reversible answer) with
     * reason code {@code invalid-request} or {@code internal-error}.
     */
    public RetentionDecision decide(RetentionQuery query) {
        RetentionDecision d = engine.decide(query, LocalDate.now(clock));
        if (log != null) {
            record(() -> DecisionEvents.of(query), "retention", d.action().id(), d.until(), d.reasons(), List.of());
        }
        return d;
    }

    /**
     * The W3C DPV terms the pack maps the request's action, purpose, the purpose's legal basis,
     * recipient and data categories to (their {@code dpv:} fields in {@code policy.yaml}), for
     * exporting a decision of the request in a shared vocabulary. It does not decide: call
     * {@link #decide(ProcessingRequest)} for that. Identifiers the pack does not declare, or gives
     * no term, are left out (see {@link Terms}). A {@link #layered} engine gives the first pack's
     * terms, the vocabulary requests are written in. Never throws for an invalid request.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public Terms terms(ProcessingRequest request) {
        Objects.requireNonNull(request, "request");
        Pack.Dpv dpv = engine.primary().pack().dpv();
        Pack.PurposeDef purpose = request.purpose() == null ? null : engine.primary().pack().purposes().get(request.purpose());
        Map<String, String> data = new java.util.LinkedHashMap<>();
        if (request.data() != null) {
            for (String category : request.data()) {
                String term = dpv.term("categories", category);
                if (term != null) {
                    data.putIfAbsent(category, term);
                }
            }
        }
        return new Terms(dpv.term("actions", request.action()), dpv.term("purposes", request.purpose()),
                purpose == null ? null : dpv.term("bases", purpose.basis()), dpv.term("recipients", request.recipient()),
                null, data);
    }

    /**
     * The W3C DPV term the pack maps the request's right to (its {@code dpv:} field under
     * {@code rights.requests}), in {@link Terms#right()}; the other fields are null. It does not
     * decide. Never throws for an invalid request.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public Terms terms(RightsRequest request) {
        Objects.requireNonNull(request, "request");
        return new Terms(null, null, null, null, engine.primary().pack().dpv().term("rights", request.right()), Map.of());
    }

    private void record(java.util.function.Supplier<Map<String, Object>> request, String kind, String answer,
                        LocalDate day, List<Reason> reasons, List<String> obligations) {
        try {
            log.offer(new DecisionEvent(log.nextId(), clock.instant(), kind, engine.info(), request.get(), answer, day,
                    reasons, obligations));
        } catch (RuntimeException e) {
            // The log is an observer: nothing it does may change or fail a decision.
        }
    }

    /**
     * A nightly sweep: the records of {@code records} that are to be disposed of now, lazily and
     * in order; a sequential stream holds one record at a time. A record whose query is invalid or
     * fails is kept (not returned). "Today" is read from the clock once, when this method is called.
     *
     * @param records the stored records
     * @param query   how to ask about one record
     * @throws NullPointerException if an argument is null
     */
    public <T> Stream<T> toDispose(Stream<T> records, Function<? super T, RetentionQuery> query) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(query, "query");
        LocalDate today = LocalDate.now(clock);
        return records.filter(record -> {
            RetentionQuery q;
            try {
                q = query.apply(record);
            } catch (RuntimeException e) {
                return false;
            }
            RetentionDecision d = engine.decide(q, today);
            if (log != null) {
                record(() -> DecisionEvents.of(q), "retention", d.action().id(), d.until(), d.reasons(), List.of());
            }
            return d.dispose();
        });
    }
}
