package io.privacyrules.cli;

import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.tools.PackDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: compares two versions of a pack, classifies each change as the pack's
 * {@code changes} section says, and exits with the class of the most serious one.
 */
@Command(name = "diff", separator = " ",
        synopsisHeading = "%nusage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        header = "Compare two versions of a pack; the exit code is the class of the most serious change.", sortOptions = false,
        description = "Compare two versions of a pack: each structural change with its class (MINOR, MAJOR, or a right "
                + "reduced) and the item of the pack's changes section it falls under, then the same generated requests "
                + "decided by both versions, then a summary. A pack without changes gets the cautious reading.",
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:no change",
            "2:bad usage, or a policy that does not load",
            "3:minor changes only",
            "4:a major change: users need a clear notice",
            "5:a right reduced, and the pack's changes section says that needs the subject's consent",
        },
        footerHeading = "%n",
        footer = "OLD_POLICY and NEW_POLICY are pack folders (rules/pulsetrack-eu) or classpath:NAME.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OLD_POLICY NEW_POLICY", hideParamSyntax = true, arity = "0..*", description = "the two versions of the pack, old first")
    List<String> packs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", description = "output format, text by default")
    String format;

    @Option(names = "--examples", paramLabel = "N", description = "how many example requests to print per behavioural change, default 5")
    String examples;

    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    private final Context context;

    DiffCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw new ParameterException(spec.commandLine(), "--format is text or json, not '" + format + "'");
        }
        int n = 5;
        if (examples != null) {
            try {
                n = Integer.parseInt(examples);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new ParameterException(spec.commandLine(), "--examples is a whole number, not '" + examples + "'");
            }
        }
        if (packs.size() != 2) {
            throw new ParameterException(spec.commandLine(), "diff compares two packs: diff OLD NEW");
        }
        PackDiff.Report report = PackDiff.compare(LoadedPack.load(packs.get(0)), LoadedPack.load(packs.get(1)));
        if ("json".equals(format)) {
            context.out().println(Answers.toJson(report.toMap()));
        } else {
            report.lines(n).forEach(context.out()::println);
        }
        return report.exitCode();
    }
}
