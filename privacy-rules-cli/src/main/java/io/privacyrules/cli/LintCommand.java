package io.privacyrules.cli;

import io.privacyrules.internal.tools.GapReport;
import io.privacyrules.internal.tools.Lint;
import io.privacyrules.internal.tools.LintReport;
import io.privacyrules.internal.tools.LoadedPack;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lint}: static checks of a pack, one line per finding and a summary; with
 * {@code --against LAW}, the gap report of the pack against a law layer instead.
 */
@Command(name = "lint", separator = " ",
        synopsisHeading = "%nusage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        header = "Static checks of a pack; with --against LAW, the gap report against a law layer.", sortOptions = false,
        description = {
            "Check a pack without running it: rules that can never fire, permits a deny always overrides, recipients abroad, "
                    + "unused ids, sensitive data without consent, purposes without retention, clauses no rule cites.",
            "With --against LAW: every case the --policy pack alone permits and the two layers together deny, then every "
                    + "data-subject request the pack refuses and the law layer answers.",
        },
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:no unacknowledged error (with --against: no gap)",
            "1:an unacknowledged error (with --against: a gap)",
            "2:bad usage, or a policy that does not load",
        },
        footerHeading = "%n",
        footer = "POLICY, COMPANY and LAW are pack folders (rules/pulsetrack-eu, rules/gdpr-baseline) or classpath:NAME.")
final class LintCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "POLICY", required = true, description = "the pack; with --against, the company's pack")
    String policy;

    @Option(names = "--against", paramLabel = "LAW", description = "print the gap report of the --policy pack against the law layer LAW")
    String against;

    @Option(names = "--format", paramLabel = "text|json|markdown",
            description = "output format, text by default; markdown only with --against")
    String format;

    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    private final Context context;

    LintCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (against != null) {
            return gaps();
        }
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw new ParameterException(spec.commandLine(), "--format is text or json, not '" + format + "'");
        }
        LintReport report = Lint.run(LoadedPack.load(policy));
        if ("json".equals(format)) {
            context.out().println(Answers.toJson(report.toMap()));
        } else {
            report.findings().forEach(f -> context.out().println(f.line()));
            context.out().println(report.summary());
        }
        return report.failed() ? Exit.FAILED : Exit.OK;
    }

    /** --against LAW: every case the company permits and the law layer denies; exit 1 when there is one. */
    private int gaps() {
        if (format != null && !List.of("text", "json", "markdown").contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format is text, json or markdown, not '" + format + "'");
        }
        GapReport report = GapReport.of(policy, against);
        if ("json".equals(format)) {
            context.out().println(Answers.toJson(report.toMap()));
        } else if ("markdown".equals(format)) {
            context.out().print(report.markdown(GapReport.command(policy, against)));
        } else {
            report.lines().forEach(context.out()::println);
        }
        return report.any() ? Exit.FAILED : Exit.OK;
    }
}
