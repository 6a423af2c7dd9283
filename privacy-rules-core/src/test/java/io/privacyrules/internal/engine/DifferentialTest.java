package io.privacyrules.internal.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.Subject;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackCompiler;
import io.privacyrules.internal.pack.PackLoader;
import io.privacyrules.internal.pack.PackSource;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine against its reference: every pack's scenarios and a seeded random set of requests
 * decided by the engine (YAML rules as predicates, Drools for the DRL files only when a DRL rule
 * may fire, sessions kept for reuse) and by the reference path (every rule in Drools, as
 * {@link PackCompiler#compileReference} compiles it, pooled sessions) give the same decision:
 * effect, reasons (code, clause, rule, rendered message, pack) in order, obligations in order with
 * their clauses; for a single pack also the same rules fired, in the same order (what coverage and
 * explain see). Data-subject requests and retention queries are compared too, and every pack
 * is also compared layered over each pack it has a map onto.
 *
 * <p>The packs are found on disk: {@code rules/*}, {@code examples/packs/*} and this module's
 * test packs; their scenarios are every YAML file under a folder whose name starts with
 * {@code scenarios}. A pack added to the repository is compared without a change here.
 */
class DifferentialTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> PACK_FOLDERS = List.of(ROOT.resolve("rules"), ROOT.resolve("examples/packs"),
            Path.of("src/test/resources/packs").toAbsolutePath());
    /** Random requests of each kind per pack. */
    private static final int RANDOM_REQUESTS = 3000;
    private static final int RANDOM_RIGHTS = 400;
    private static final int RANDOM_RETENTION = 400;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final List<String> COUNTRIES = List.of(Locale.getISOCountries());

    /** A pack loaded both ways. */
    record Loaded(String id, Path folder, PackSource source, Pack pack, Engine engine, Engine reference) {
    }

    /** The requests of one pack: its scenarios' and random ones. */
    record Requests(List<ProcessingRequest> processing, List<RightsRequest> rights, List<RetentionQuery> retention,
                    int fromScenarios) {
    }

    private static Map<String, Loaded> loaded;

    static synchronized Map<String, Loaded> packs() {
        if (loaded != null) {
            return loaded;
        }
        Map<String, Loaded> out = new LinkedHashMap<>();
        for (Path parent : PACK_FOLDERS) {
            for (Path folder : children(parent)) {
                if (!Files.isRegularFile(folder.resolve(PackLoader.POLICY_FILE))) {
                    continue;
                }
                PackSource source = new PackSource.Folder(folder);
                Problems problems = new Problems();
                Pack pack = PackLoader.load(source, problems);
                boolean clean = problems.isEmpty();
                PackCompiler.Compiled compiled = pack == null ? null : PackCompiler.compile(pack, problems, clean);
                if (compiled == null || !problems.isEmpty()) {
                    // the test packs include broken ones on purpose; every other pack must load
                    assertTrue(folder.startsWith(PACK_FOLDERS.get(2)), () -> folder + " does not load: " + problems.sorted());
                    continue;
                }
                Problems again = new Problems();
                PackCompiler.Compiled reference = PackCompiler.compileReference(PackLoader.load(source, again), again, true);
                assertTrue(again.isEmpty() && reference != null, () -> "the reference does not compile " + folder + ": " + again.sorted());
                assertTrue(reference.yamlRulesInDrools());
                assertFalse(compiled.yamlRulesInDrools());
                out.put(pack.info().id(), new Loaded(pack.info().id(), folder, source, pack, new Engine(compiled),
                        new Engine(reference)));
            }
        }
        loaded = out;
        return out;
    }

    @Test
    void findsThePacksOfTheRepository() {
        Set<String> ids = packs().keySet();
        assertTrue(ids.contains("bmw-connected-drive-cn") && ids.contains("pipl-baseline"), ids::toString);
        assertTrue(ids.size() >= 4, ids::toString);
    }

    @TestFactory
    Stream<DynamicTest> eachPackDecidesAsTheReference() {
        return packs().values().stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            Requests r = requests(p, p.pack());
            compare(p.id(), r, p.engine(), p.reference(), true);
        }));
    }

    /**
     * The reused sessions and per-decision state are not shared between threads: every pack with
     * DRL rules decides its requests from four threads at once (each in its own order) exactly as
     * one thread does.
     */
    @TestFactory
    Stream<DynamicTest> fourThreadsDecideAsOne() {
        return packs().values().stream().filter(p -> !p.pack().drl().isEmpty()).map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            List<ProcessingRequest> requests = requests(p, p.pack()).processing();
            List<io.privacyrules.Decision> expected = requests.stream().map(p.engine()::decide).toList();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<String>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t * requests.size() / 4;
                    int step = 2 * t + 1;
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < requests.size(); i++) {
                            int k = (offset + i * step) % requests.size();
                            io.privacyrules.Decision d = p.engine().decide(requests.get(k));
                            if (!d.equals(expected.get(k))) {
                                return requests.get(k) + "\n    alone:      " + expected.get(k) + "\n    concurrent: " + d;
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<String> f : results) {
                    String difference = f.get();
                    assertTrue(difference == null, () -> "a decision differs when made concurrently: " + difference);
                }
            } finally {
                pool.shutdownNow();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachLayeringDecidesAsTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Loaded first : packs().values()) {
            for (Path map : children(first.folder().resolve("maps"))) {
                String target = map.getFileName().toString().replaceFirst("\\.yaml$", "");
                Loaded second = packs().get(target);
                if (second == null) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(first.id() + " under " + second.id(), () -> {
                    Problems problems = new Problems();
                    Translation t = Translation.load(first.source(), first.pack(), second.pack(), problems);
                    assertTrue(problems.isEmpty(), () -> problems.sorted().toString());
                    Layers layers = new Layers(List.of(first.engine(), second.engine()), List.of(t));
                    Layers reference = new Layers(List.of(first.reference(), second.reference()), List.of(t));
                    compare(first.id() + "+" + second.id(), requests(first, first.pack()), layers, reference, false);
                    compareLayeredProcessing(first.id() + "+" + second.id(), requests(first, first.pack()), layers,
                            first.reference(), second.reference(), t);
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no pack maps onto another");
        return tests.stream();
    }

    private static void compare(String name, Requests r, Decider engine, Decider reference, boolean traced) {
        List<String> differences = new ArrayList<>();
        int drl = 0;
        int invalid = 0;
        Set<String> fired = new LinkedHashSet<>();
        for (ProcessingRequest q : r.processing()) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            Decision x = traced ? ((Engine) engine).decide(q, rule -> a.add(rule.name())) : engine.decide(q);
            Decision y = traced ? ((Engine) reference).decide(q, rule -> b.add(rule.name())) : reference.decide(q);
            if (!x.equals(y)) {
                differences.add(q + "\n    engine:    " + x + "\n    reference: " + y);
            } else if (!a.equals(b)) {
                differences.add(q + "\n    fired: " + a + "\n    reference fired: " + b);
            }
            fired.addAll(b);
            invalid += y.reasons().get(0).code().equals(Engine.INVALID_REQUEST) ? 1 : 0;
            drl += a.stream().anyMatch(n -> !n.startsWith("policy.yaml#")) ? 1 : 0;
        }
        for (RightsRequest q : r.rights()) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            RightsDecision x = traced ? ((Engine) engine).decide(q, TODAY, rule -> a.add(rule.name())) : engine.decide(q, TODAY);
            RightsDecision y = traced ? ((Engine) reference).decide(q, TODAY, rule -> b.add(rule.name()))
                    : reference.decide(q, TODAY);
            if (!x.equals(y) || !a.equals(b)) {
                differences.add(q + "\n    engine:    " + x + " " + a + "\n    reference: " + y + " " + b);
            }
        }
        for (RetentionQuery q : r.retention()) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            RetentionDecision x = traced ? ((Engine) engine).decide(q, TODAY, rule -> a.add(rule.name())) : engine.decide(q, TODAY);
            RetentionDecision y = traced ? ((Engine) reference).decide(q, TODAY, rule -> b.add(rule.name()))
                    : reference.decide(q, TODAY);
            if (!x.equals(y) || !a.equals(b)) {
                differences.add(q + "\n    engine:    " + x + " " + a + "\n    reference: " + y + " " + b);
            }
        }
        System.out.printf("differential %s: %d processing requests (%d from scenarios), %d rights, %d retention"
                        + "%s; %d differences%n", name, r.processing().size(), r.fromScenarios(),
                r.rights().size(), r.retention().size(), traced ? "; " + fired.size() + " of " + processingRules((Engine) reference) + " processing rules fired at least once, a DRL rule in "
                        + drl + " processing decisions" : "", differences.size());
        System.out.printf("    %d of the processing requests are invalid%n", invalid);
        if (!differences.isEmpty()) {
            fail(differences.size() + " decisions differ from the reference, the first:\n"
                    + String.join("\n", differences.subList(0, Math.min(5, differences.size()))));
        }
    }

    /**
     * Processing decisions of layers against the layers as they decided before the rework for
     * speed: every layer asked through its reference path, the request translated as it was, the
     * answers combined as they were (the code below is the former {@code Layers.decide}).
     */
    private static void compareLayeredProcessing(String name, Requests r, Layers layers, Engine first, Engine second,
                                                 Translation t) {
        io.privacyrules.PolicyInfo info = layers.info();
        List<String> differences = new ArrayList<>();
        for (ProcessingRequest q : r.processing()) {
            Decision x = layers.decide(q);
            Decision y;
            Decision d1 = first.decide(q);
            if (d1.reasons().stream().anyMatch(c -> Set.of(Engine.INVALID_REQUEST, Engine.INTERNAL_ERROR).contains(c.code())
                    && c.rule().equals(Engine.ENGINE_RULE))) {
                y = new Decision(d1.effect(), d1.reasons(), d1.obligations(), info);
            } else {
                List<Decision> all = List.of(d1, second.decide(t.referenceTranslate(q)));
                List<io.privacyrules.Reason> reasons = new ArrayList<>();
                if (all.stream().anyMatch(d -> !d.permitted())) {
                    all.stream().filter(d -> !d.permitted()).forEach(d -> reasons.addAll(d.reasons()));
                    y = new Decision(io.privacyrules.Effect.DENY, reasons, List.of(), info);
                } else {
                    Map<String, io.privacyrules.Obligation> obligations = new LinkedHashMap<>();
                    for (Decision d : all) {
                        reasons.addAll(d.reasons());
                        d.obligations().forEach(o -> obligations.putIfAbsent(o.id(), o));
                    }
                    y = new Decision(io.privacyrules.Effect.PERMIT, reasons, List.copyOf(obligations.values()), info);
                }
            }
            if (!x.equals(y)) {
                differences.add(q + "\n    layers:    " + x + "\n    reference: " + y);
            }
        }
        System.out.printf("differential %s against the former layering: %d processing requests; %d differences%n", name,
                r.processing().size(), differences.size());
        if (!differences.isEmpty()) {
            fail(differences.size() + " layered decisions differ from the former layering, the first:\n"
                    + String.join("\n", differences.subList(0, Math.min(5, differences.size()))));
        }
    }

    /** The rules that can fire on a processing request: the YAML rules and the DRL rules that may match a Request. */
    private static long processingRules(Engine e) {
        return e.pack().rules().size() + e.compiled().drl().stream().filter(d -> d.canFireOn("Request")).count();
    }

    // ---- the requests ----------------------------------------------------------------------------

    /** The scenarios of every scenario folder of {@code p}, then random requests over {@code pack}'s ids. */
    static Requests requests(Loaded p, Pack pack) {
        List<ProcessingRequest> processing = new ArrayList<>();
        List<RightsRequest> rights = new ArrayList<>();
        List<RetentionQuery> retention = new ArrayList<>();
        Set<String> eventKeys = new LinkedHashSet<>();
        pack.retention().events().values().forEach(e -> {
            if (e.key() != null) {
                eventKeys.add(e.key());
            }
        });
        for (Path folder : children(p.folder())) {
            if (!Files.isDirectory(folder) || !folder.getFileName().toString().startsWith("scenarios")) {
                continue;
            }
            for (Path file : children(folder)) {
                if (file.toString().endsWith(".yaml")) {
                    scenarios(file, eventKeys, processing, rights, retention);
                }
            }
        }
        int fromScenarios = processing.size();
        Random rnd = new Random(20261203L ^ pack.info().id().hashCode());
        for (int i = 0; i < RANDOM_REQUESTS; i++) {
            ProcessingRequest q = randomRequest(rnd, pack);
            processing.add(rnd.nextInt(8) == 0 ? defect(rnd, q) : q);
        }
        List<String> rightIds = new ArrayList<>(pack.rights().requests().keySet());
        for (int i = 0; i < RANDOM_RIGHTS && !rightIds.isEmpty(); i++) {
            rights.add(randomRights(rnd, pack, rightIds));
        }
        for (int i = 0; i < RANDOM_RETENTION; i++) {
            retention.add(randomRetention(rnd, pack));
        }
        return new Requests(processing, rights, retention, fromScenarios);
    }

    private static void scenarios(Path file, Set<String> eventKeys, List<ProcessingRequest> processing,
                                  List<RightsRequest> rights, List<RetentionQuery> retention) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Problems problems = new Problems();
        Node root = YamlReader.read(file.toString(), bytes, problems);
        if (!(root instanceof Node.MapNode m) || !(m.get("scenarios") instanceof Node.ListNode list)) {
            return;
        }
        for (Node item : list.items()) {
            if (!(item instanceof Node.MapNode s)) {
                continue;
            }
            Problems ignored = new Problems();
            if (s.get("request") != null) {
                processing.add(ScenarioRunner.request(s.get("request"), ignored));
            } else if (s.get("rightsRequest") != null) {
                rights.add(ScenarioRunner.rightsRequest(s.get("rightsRequest"), ignored));
            } else if (s.get("retention") != null) {
                retention.add(ScenarioRunner.retention(s.get("retention"), ignored, eventKeys));
            }
        }
    }

    /**
     * A request over the pack's ids, most of them valid: every action, purpose, category and
     * recipient, consents scoped like the request or not, of every kind, some withdrawn, ages around
     * the child thresholds, destinations at home, in the pack's regions and abroad, objections,
     * transfer mechanisms; now and then an unknown id, a duplicate or a missing field.
     */
    static ProcessingRequest randomRequest(Random rnd, Pack pack) {
        List<String> actions = new ArrayList<>(pack.actions().keySet());
        List<String> purposes = new ArrayList<>(pack.purposes().keySet());
        List<String> categories = new ArrayList<>(pack.categories().keySet());
        List<String> recipients = new ArrayList<>(pack.recipients().keySet());
        List<String> kinds = new ArrayList<>(pack.consentKinds().kinds().keySet());
        String action = rnd.nextInt(200) == 0 ? "no-such-action" : pick(rnd, actions);
        String purpose = rnd.nextInt(200) == 0 ? null : pick(rnd, purposes);
        Pack.PurposeDef p = purpose == null ? null : pack.purposes().get(purpose);
        List<String> data = new ArrayList<>();
        int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 4 : 2);
        for (int i = 0; i < n; i++) {
            boolean declared = p != null && p.data() != null && !p.data().isEmpty() && rnd.nextInt(10) < 8;
            String c = declared ? pick(rnd, new ArrayList<>(p.data())) : pick(rnd, categories);
            if (!data.contains(c)) {
                data.add(c);
            }
        }
        if (rnd.nextInt(300) == 0) {
            data.add(data.get(0));
        }
        if (rnd.nextInt(300) == 0) {
            data.add("no.such-category");
        }
        boolean needsRecipient = pack.actions().containsKey(action) && pack.actions().get(action).requiresRecipient();
        String recipient = rnd.nextInt(10) < (needsRecipient ? 0 : 5) || recipients.isEmpty() ? null : pick(rnd, recipients);
        String destination = switch (rnd.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> null;
            case 5 -> pack.territory().jurisdiction();
            case 6 -> pack.territory().regions().isEmpty() ? pick(rnd, COUNTRIES)
                    : pick(rnd, new ArrayList<>(pack.territory().regions().keySet()));
            case 7 -> pack.territory().regions().isEmpty() ? pick(rnd, COUNTRIES)
                    : pick(rnd, new ArrayList<>(pick(rnd, new ArrayList<>(pack.territory().regions().values()))));
            case 8 -> pick(rnd, COUNTRIES);
            default -> rnd.nextInt(50) == 0 ? "xx" : pick(rnd, List.of("US", "DE", "CN", "JP", "FR", "NL", "SG"));
        };
        Integer age = switch (rnd.nextInt(6)) {
            case 0, 1 -> null;
            case 2 -> pack.children().under() - 2 + rnd.nextInt(4);
            case 3 -> pack.children().minimumAge() == null ? rnd.nextInt(20) : pack.children().minimumAge() - 2 + rnd.nextInt(4);
            default -> rnd.nextInt(90);
        };
        List<Consent> consents = new ArrayList<>();
        int nc = rnd.nextInt(10) < 3 ? 0 : 1 + rnd.nextInt(3);
        for (int i = 0; i < nc; i++) {
            String cp = rnd.nextBoolean() ? (rnd.nextInt(4) > 0 ? purpose : pick(rnd, purposes)) : null;
            String cr = rnd.nextBoolean() && !recipients.isEmpty()
                    ? (rnd.nextInt(4) > 0 && recipient != null ? recipient : pick(rnd, recipients)) : null;
            String ca = rnd.nextInt(3) == 0 ? (rnd.nextInt(4) > 0 ? action : pick(rnd, actions)) : null;
            if (cp == null && cr == null && ca == null) {
                cp = purpose;
            }
            String kind = kinds.isEmpty() || rnd.nextBoolean() ? null : pick(rnd, kinds);
            consents.add(new Consent(cp, cr, ca, rnd.nextInt(10) == 0, kind));
        }
        boolean guardian = rnd.nextInt(3) == 0;
        String guardianKind = guardian && !kinds.isEmpty() && rnd.nextBoolean() ? pick(rnd, kinds) : null;
        String country = switch (rnd.nextInt(5)) {
            case 0 -> pack.children().byCountry().isEmpty() ? null : pick(rnd, new ArrayList<>(pack.children().byCountry().keySet()));
            case 1 -> pick(rnd, COUNTRIES);
            default -> null;
        };
        List<String> objections = new ArrayList<>();
        if (rnd.nextInt(5) == 0) {
            List<String> objectable = new ArrayList<>(purposes);
            objectable.addAll(pack.objections().kinds().keySet());
            objections.add(rnd.nextBoolean() && purpose != null ? purpose : pick(rnd, objectable));
        }
        List<String> mechanisms = new ArrayList<>(pack.transfers().mechanisms().keySet());
        String mechanism = mechanisms.isEmpty() || rnd.nextInt(3) > 0 ? null : pick(rnd, mechanisms);
        return new ProcessingRequest(action, purpose, data, recipient, destination, rnd.nextInt(4) == 0,
                rnd.nextInt(5) == 0, rnd.nextInt(6) == 0, rnd.nextInt(15) == 0,
                new Subject(age, guardian, consents, guardianKind, country, objections), mechanism, rnd.nextInt(12) == 0);
    }

    /**
     * {@code q} with one thing wrong that the request check finds, or that it must let pass: the
     * engine checks a request while it looks its ids up, and must refuse exactly what the check
     * refuses.
     */
    static ProcessingRequest defect(Random rnd, ProcessingRequest q) {
        ProcessingRequest.Builder b = q.toBuilder();
        Subject s = q.subject();
        List<Consent> consents = new ArrayList<>(s.consents());
        List<String> objections = new ArrayList<>(s.objections());
        List<String> data = new ArrayList<>(q.data());
        switch (rnd.nextInt(20)) {
            case 0 -> b.action(rnd.nextBoolean() ? null : "Collect");
            case 1 -> b.purpose(rnd.nextBoolean() ? null : q.purpose() + " ");
            case 2 -> data.clear();
            case 3 -> data.add(data.get(0));
            case 4 -> data.add(rnd.nextBoolean() ? null : "no.such-category");
            case 5 -> b.recipient(rnd.nextBoolean() ? "nobody" : null);
            case 6 -> b.destination(pick(rnd, List.of("cn", "XX", "Europe", "", "EU", "U S")));
            case 7 -> b.country(pick(rnd, List.of("zz", "Z1", "USA", "XX", "EU", "")));
            case 8 -> b.age(rnd.nextBoolean() ? -1 : RequestCheck.MAX_AGE + 1);
            case 9 -> b.age(rnd.nextBoolean() ? 0 : RequestCheck.MAX_AGE);
            case 10 -> consents.add(new Consent(null, null, null, false));
            case 11 -> consents.add(new Consent(q.purpose(), null, null, false, "no-such-kind"));
            case 12 -> consents.add(new Consent("no-such-purpose", null, null, rnd.nextBoolean()));
            case 13 -> consents.add(new Consent(null, "nobody", q.action(), false));
            case 14 -> consents.add(new Consent(null, null, "no-such-action", false));
            case 15 -> objections.add(rnd.nextBoolean() ? "no-such-objection" : null);
            case 16 -> {
                objections.add(q.purpose());
                objections.add(q.purpose());
            }
            case 17 -> b.transferMechanism("no-such-mechanism");
            case 18 -> b.guardianConsent("no-such-kind");
            default -> b.destination(pick(rnd, COUNTRIES));
        }
        ProcessingRequest r = b.build();
        return new ProcessingRequest(r.action(), r.purpose(), data, r.recipient(), r.destination(), r.anonymized(),
                r.aggregated(), r.requiredByLaw(), r.protectsChild(), new Subject(r.subject().age(),
                r.subject().guardianConsent(), consents, r.subject().guardianConsentKind(), r.subject().country(),
                objections), r.transferMechanism(), r.restricted());
    }

    private static RightsRequest randomRights(Random rnd, Pack pack, List<String> rights) {
        List<String> refusal = new ArrayList<>(pack.rights().refusalGrounds().keySet());
        refusal.addAll(pack.rights().unreasonableGrounds());
        List<String> erasure = new ArrayList<>(pack.rights().erasureGrounds().keySet());
        return new RightsRequest(pick(rnd, rights), rnd.nextInt(5) == 0 ? null : LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(900)),
                rnd.nextInt(4) > 0, some(rnd, erasure, 2), rnd.nextInt(3) == 0 ? some(rnd, refusal, 2) : List.of(),
                rnd.nextInt(8) == 0, rnd.nextInt(6) == 0);
    }

    private static RetentionQuery randomRetention(Random rnd, Pack pack) {
        List<String> purposes = new ArrayList<>(pack.purposes().keySet());
        List<String> of = some(rnd, purposes, 2);
        if (of.isEmpty()) {
            of = List.of(pick(rnd, purposes));
        }
        List<String> fulfilled = new ArrayList<>();
        for (String p : of) {
            if (rnd.nextBoolean()) {
                fulfilled.add(p);
            }
        }
        Map<String, LocalDate> events = new LinkedHashMap<>();
        for (String e : pack.retention().events().keySet()) {
            if (rnd.nextBoolean()) {
                events.put(e, LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(3000)));
            }
        }
        return new RetentionQuery(pick(rnd, new ArrayList<>(pack.categories().keySet())), of, fulfilled, events,
                rnd.nextInt(3) == 0 ? null : LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(3000)));
    }

    private static List<String> some(Random rnd, List<String> from, int most) {
        List<String> out = new ArrayList<>();
        int n = from.isEmpty() ? 0 : rnd.nextInt(most + 1);
        for (int i = 0; i < n; i++) {
            String s = pick(rnd, from);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
