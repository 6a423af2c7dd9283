package io.privacyrules.cli;

import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.tools.PackDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code doc}: the pack as a readable document, Markdown (the default) or HTML, on standard output or in a file. */
@Command(name = "doc", separator = " ",
        synopsisHeading = "%nusage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        header = "The pack as a readable document, Markdown or HTML.", sortOptions = false,
        description = "Render a pack as a document for people, clause by clause, from its policy.yaml and DRL files; "
                + "the output is the same for the same pack.",
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:the document was printed or written",
            "2:bad usage, a policy that does not load, or a file --out cannot write",
        },
        footerHeading = "%n",
        footer = "POLICY is a pack folder (rules/pulsetrack-eu) or classpath:NAME.")
final class DocCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "POLICY", required = true, description = "the pack")
    String policy;

    @Option(names = "--format", paramLabel = "markdown|html", description = "output format, markdown by default")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the document to FILE instead of standard output")
    String out;

    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    private final Context context;

    DocCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PackDoc.Format f = format == null ? PackDoc.Format.MARKDOWN : PackDoc.Format.of(format);
        if (f == null) {
            throw new ParameterException(spec.commandLine(), "--format is markdown or html, not '" + format + "'");
        }
        String text = PackDoc.render(LoadedPack.load(policy), f);
        if (out == null) {
            context.out().print(text);
            context.out().flush();
            return Exit.OK;
        }
        try {
            Files.writeString(Path.of(out), text, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            context.err().println("error: " + out + ": cannot write the document: " + e.getClass().getSimpleName());
            return Exit.USAGE;
        }
        context.out().println("doc: " + out);
        return Exit.OK;
    }
}
