package io.privacyrules.cli;

import io.privacyrules.Decision;
import io.privacyrules.Obligation;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: decides requests taken from the pack's own scenario files and prints each answer under the scenario's name. */
@Command(name = "demo", separator = " ",
        synopsisHeading = "%nusage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        header = "The decision demo: requests from the pack's own scenario files, answered.", sortOptions = false,
        description = "Decide up to eight processing requests, three data-subject requests and three retention queries "
                + "taken from the pack's scenario files (scenarios/*.yaml beside its policy.yaml), and print each answer "
                + "with its reasons, deadline or until, and obligations.",
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:the demo ran (also for a pack without scenario files)",
            "2:bad usage, or a policy that does not load",
        },
        footerHeading = "%n",
        footer = "POLICY is a pack folder (rules/pulsetrack-eu) or classpath:NAME.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "POLICY", description = "the pack, " + Main.DEFAULT_POLICY + " by default")
    String policy;

    @Mixin
    Common common;

    private final Context context;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream out = context.out();
        String location = policy == null ? Main.DEFAULT_POLICY : policy;
        PolicyEngine engine = PolicyEngine.load(location);
        out.println("privacy-rules demo: " + engine.policy().title() + ", version " + engine.policy().version()
                + " (" + engine.policy().id() + ")");
        out.println();
        List<Demo.Step> steps;
        try {
            steps = Demo.steps(location, engine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pack's scenario files", e);
        }
        if (steps.isEmpty()) {
            out.println("The pack has no scenario files (scenarios/*.yaml beside its policy.yaml); the demo shows"
                    + " requests taken from them.");
            return Exit.OK;
        }
        for (Demo.Step step : steps) {
            if (step.question() instanceof ProcessingRequest q) {
                Decision d = engine.decide(q);
                out.println((d.permitted() ? "PERMIT  " : "DENY    ") + step.story());
                reasons(d.reasons());
                obligations(d.obligations());
            } else if (step.question() instanceof RightsRequest q) {
                RightsDecision d = engine.decide(q);
                out.println(label(d.outcome().id()) + step.story()
                        + (d.respondBy() == null ? "" : " (respond by " + d.respondBy() + ")"));
                reasons(d.reasons());
                obligations(d.obligations());
            } else if (step.question() instanceof RetentionQuery q) {
                RetentionDecision d = engine.decide(q);
                out.println(label(d.action().id()) + step.story()
                        + (d.until() == null ? "" : " (until " + d.until() + ")"));
                reasons(d.reasons());
            }
            out.println();
        }
        return Exit.OK;
    }

    private void reasons(List<Reason> reasons) {
        for (Reason r : reasons) {
            context.out().println("        " + r.clause() + "  " + r.code() + ": " + r.message());
        }
    }

    private void obligations(List<Obligation> obligations) {
        for (Obligation o : obligations) {
            context.out().println("        obligation " + o.id() + " (" + o.clause() + "): " + o.description());
        }
    }

    /** The answer in capitals, padded to eight columns and always followed by a space. */
    static String label(String answer) {
        String a = answer.toUpperCase(Locale.ROOT);
        return a + " ".repeat(Math.max(1, 8 - a.length()));
    }
}
