package io.privacyrules.cli;

import io.privacyrules.Decision;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyEngine;
import io.privacyrules.Problem;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.tools.Explain;
import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code decide}: decides one request of any kind (a processing request, a rights request or a
 * retention query, told apart by its keys) and prints the answer as JSON; with {@code --dpv} the
 * request's W3C DPV terms as well, with {@code --explain} why.
 */
@Command(name = "decide", separator = " ",
        synopsisHeading = "%nusage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        header = "Decide one request of any kind and print the answer as JSON; --dpv adds its DPV terms, --explain says why.", sortOptions = false,
        description = {
            "Decide one request and print the answer as JSON. The request is YAML: the request, rightsRequest or retention "
                    + "mapping of a scenario, wrapped in its key or bare. A bare mapping with the key right is a data-subject "
                    + "request, one with purposes or asOf a retention query, any other a processing request.",
        },
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:an answer was printed (whatever it is, without --exit-code)",
            "1:with --exit-code: the answer is deny, refuse or verify-identity",
            "2:bad usage; a policy that does not load or layers that do not fit; a request that cannot be read, does not "
                    + "parse, or has unknown keys or values of the wrong type",
        },
        footerHeading = "%n",
        footer = "POLICY is a pack folder (rules/pulsetrack-eu) or classpath:NAME.")
final class DecideCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "POLICY", required = true,
            description = "the pack; again, once per further layer of the same engine (the company's pack first)")
    List<String> policies;

    @Option(names = "--request", paramLabel = "FILE|-", description = "read the request from FILE; - or no --request reads standard input")
    String requestFile;

    @Option(names = "--exit-code", description = "exit 1 when the answer is negative (deny, refuse, verify-identity)")
    boolean exitCode;

    @Option(names = "--dpv", description = "add the request's W3C DPV terms as a dpv object; not with --explain, not for a retention query")
    boolean dpv;

    @Option(names = "--explain", description = "print why: the rules that fired, those that did not match and why, how they "
            + "combined; one --policy only")
    boolean explain;

    @Option(names = "--format", paramLabel = "text|json", description = "with --explain: the output format, text by default")
    String format;

    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    private final Context context;

    DecideCommand(Context context) {
        this.context = context;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() {
        if (dpv && explain) {
            throw usage("--dpv goes with a plain decide, not with --explain");
        }
        if (format != null && !explain) {
            throw usage("unexpected argument '--format'");
        }
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw usage("--format is text or json, not '" + format + "'");
        }
        boolean json = !explain || "json".equals(format);
        boolean stdin = requestFile == null || requestFile.equals("-");
        String display = stdin ? "<stdin>" : requestFile;
        byte[] bytes;
        try {
            bytes = stdin ? context.in().readNBytes(YamlReader.MAX_BYTES + 1) : readFile(Path.of(requestFile));
        } catch (IOException e) {
            context.err().println("error: " + display + ":0:0: cannot read the request: "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName()));
            return Exit.USAGE;
        }
        if (explain && policies.size() > 1) {
            throw usage("--explain traces one pack at a time; give one --policy");
        }
        LoadedPack loaded = explain ? LoadedPack.load(policies.get(0)) : null;
        PolicyEngine engine = explain ? loaded.policyEngine() : PolicyEngine.layered(policies);
        Problems problems = new Problems();
        Object request = read(display, bytes, engine, problems);
        if (!problems.isEmpty()) {
            for (Problem p : problems.sorted()) {
                context.err().println("error: " + p);
            }
            return Exit.USAGE;
        }
        if (explain) {
            return explain(loaded, request, json);
        }
        if (dpv && request instanceof RetentionQuery) {
            throw usage("--dpv gives the DPV terms of a processing or rights request, not of a retention query");
        }
        boolean negative;
        Map<String, Object> answer;
        if (request instanceof RightsRequest r) {
            RightsDecision d = engine.decide(r);
            answer = Answers.answer("outcome", d.outcome().id(), "respondBy", d.respondBy(), d.reasons(),
                    d.obligationIds(), d.policy());
            if (dpv) {
                answer.put("dpv", Answers.dpv(engine.terms(r)));
            }
            negative = d.outcome() != Outcome.FULFIL;
        } else if (request instanceof RetentionQuery q) {
            RetentionDecision d = engine.decide(q);
            answer = Answers.answer("action", d.action().id(), "until", d.until(), d.reasons(), null, d.policy());
            negative = false;
        } else {
            ProcessingRequest p = (ProcessingRequest) request;
            Decision d = engine.decide(p);
            answer = Answers.answer("decision", d.effect().id(), null, null, d.reasons(), d.obligationIds(), d.policy());
            if (dpv) {
                answer.put("dpv", Answers.dpv(engine.terms(p)));
            }
            negative = !d.permitted();
        }
        context.out().println(Answers.toJson(answer));
        return exitCode && negative ? Exit.FAILED : Exit.OK;
    }

    /**
     * The request in {@code bytes}: wrapped in {@code request}, {@code rightsRequest} or
     * {@code retention}, or bare and told apart by its keys; null with problems when it does not read.
     */
    private static Object read(String display, byte[] bytes, PolicyEngine engine, Problems problems) {
        Node root = YamlReader.read(display, bytes, problems);
        String kind = "request";
        if (root instanceof Node.MapNode map && map.entries().size() == 1) {
            String only = map.entries().keySet().iterator().next();
            if (only.equals("request") || only.equals("rightsRequest") || only.equals("retention")) {
                kind = only;
                root = map.get(only);
            }
        }
        if (root instanceof Node.MapNode map && kind.equals("request")) {
            // A bare mapping is told apart by its keys: a right, or a retention question.
            if (map.entries().containsKey("right")) {
                kind = "rightsRequest";
            } else if (map.entries().containsKey("purposes") || map.entries().containsKey("asOf")) {
                kind = "retention";
            }
        }
        return root == null ? null : switch (kind) {
            case "rightsRequest" -> ScenarioRunner.rightsRequest(root, problems);
            case "retention" -> ScenarioRunner.retention(root, problems, ScenarioRunner.eventKeys(engine));
            default -> ScenarioRunner.request(root, problems);
        };
    }

    /** --explain: the answer with the rules that fired, those that did not match and why, and how they combined. */
    private int explain(LoadedPack loaded, Object request, boolean json) {
        PolicyEngine engine = loaded.policyEngine();
        LocalDate today = LocalDate.now(engine.clock());
        Explain.Explanation e;
        Map<String, Object> answer;
        boolean negative;
        if (request instanceof RightsRequest r) {
            RightsDecision d = engine.decide(r);
            e = Explain.of(loaded, r, today);
            answer = Answers.answer("outcome", d.outcome().id(), "respondBy", d.respondBy(), d.reasons(), d.obligationIds(),
                    d.policy());
            negative = d.outcome() != Outcome.FULFIL;
        } else if (request instanceof RetentionQuery q) {
            RetentionDecision d = engine.decide(q);
            e = Explain.of(loaded, q, today);
            answer = Answers.answer("action", d.action().id(), "until", d.until(), d.reasons(), null, d.policy());
            negative = false;
        } else {
            Decision d = engine.decide((ProcessingRequest) request);
            e = Explain.of(loaded, (ProcessingRequest) request);
            answer = Answers.answer("decision", d.effect().id(), null, null, d.reasons(), d.obligationIds(), d.policy());
            negative = !d.permitted();
        }
        if (json) {
            answer.put("explain", e.toMap());
            context.out().println(Answers.toJson(answer));
        } else {
            context.out().println("policy: " + loaded.pack().info().id() + " " + loaded.pack().info().version());
            e.lines().forEach(context.out()::println);
        }
        return exitCode && negative ? Exit.FAILED : Exit.OK;
    }

    private static byte[] readFile(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            return s.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }
}
