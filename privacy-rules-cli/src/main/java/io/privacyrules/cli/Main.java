package io.privacyrules.cli;

import io.privacyrules.PolicyLoadException;
import io.privacyrules.Problem;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code bin/privacy-rules}: the commands {@code check}, {@code decide}, {@code lint}, {@code diff},
 * {@code doc}, {@code demo} and {@code completion}, one class each, parsed by picocli. This class
 * wires them and turns every failure into an exit code and one line per problem on standard error:
 * 0 success; 1 scenarios failed, coverage under the minimum, lint errors, a gap, or a negative
 * answer with {@code --exit-code}; 2 bad usage or a policy that does not load; for {@code diff} 0
 * no change, 3 minor changes only, 4 a major change, 5 a right reduced. No stack trace is shown
 * without {@code --verbose}.
 */
public final class Main {
    /** The pack of {@code demo} without {@code --policy}. */
    static final String DEFAULT_POLICY = "classpath:bmw-connected-drive-cn";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /**
     * Runs {@code bin/privacy-rules} with {@code args} and exits with the command's exit code.
     *
     * @param args the command and its options, as {@code --help} lists them
     */
    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(new Main(System.out, System.err, System.in).run(args));
    }

    /** Runs a command; returns the exit code. */
    int run(String[] args) {
        Context context = new Context(out, err, in, List.of(args).contains("--verbose"));
        int exit = commandLine(context).execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /** The command line: the top command, its commands, where help goes, and how errors end. */
    static CommandLine commandLine(Context context) {
        CommandLine cli = new CommandLine(new PrivacyRulesCommand(context));
        cli.addSubcommand(new CheckCommand(context));
        cli.addSubcommand(new DecideCommand(context));
        cli.addSubcommand(new LintCommand(context));
        cli.addSubcommand(new DiffCommand(context));
        cli.addSubcommand(new DocCommand(context));
        cli.addSubcommand(new DemoCommand(context));
        cli.addSubcommand(new CompletionCommand(context));
        // after the commands are added: these settings reach every command registered so far
        cli.setUsageHelpWidth(120);
        cli.setOut(new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, args) -> usageError(context, e));
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(context, e));
        return cli;
    }

    /**
     * Bad usage: {@code error: MESSAGE} on one line, then the usage (all commands' synopses, or the
     * one command's synopsis and where its help is); exit 2.
     */
    private static int usageError(Context context, ParameterException e) {
        PrintStream err = context.err();
        err.println("error: " + message(e));
        CommandLine command = e.getCommandLine();
        if (command.getParent() == null) {
            command.usage(err);
        } else {
            err.print("usage: " + command.getHelp().synopsis("usage: ".length()));
            err.println("(privacy-rules " + command.getCommandName() + " --help lists every option)");
        }
        err.flush();
        return Exit.USAGE;
    }

    /** picocli's usage errors in the words docs/cli.md gives them. */
    static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'";
            }
            return u.getCommandLine().getParent() == null ? "unknown command '" + first + "'"
                    : "unexpected argument '" + first + "'";
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            if (missing instanceof OptionSpec o) {
                return m.getMessage().startsWith("Missing required option") ? "missing " + o.longestName()
                        : o.longestName() + " needs a value";
            }
        }
        if (e instanceof OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec spec) {
            return spec.longestName() + " is given more than once";
        }
        String m = e.getMessage();
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /**
     * A failure while running a command: a pack that does not load (one line per problem) or any
     * other exception (its class and message); exit 2, with the stack trace only under --verbose.
     */
    private static int failure(Context context, Exception e) {
        PrintStream err = context.err();
        if (e instanceof PolicyLoadException p) {
            for (Problem problem : p.problems()) {
                err.println("error: " + problem);
            }
        } else {
            err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (context.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return Exit.USAGE;
    }
}
