package io.privacyrules.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code privacy-rules} without a command: its help lists every command's synopsis, as the hand-written
 * usage did. Run with no arguments, it prints that help to standard error and exits 2.
 */
@Command(name = "privacy-rules",
        synopsisHeading = "usage: ",
        customSynopsis = {
            "privacy-rules check  --policy POLICY [--policy LAYER]... [--coverage] [--min-coverage N] [--report DIR]",
            "                            FILE_OR_DIR...",
            "       privacy-rules decide --policy POLICY [--policy LAYER]... [--request FILE|-] [--exit-code]",
            "                            [--dpv | --explain [--format text|json]]",
            "         (a processing request, a rights request or a retention query, told apart by its keys;",
            "         --dpv adds the W3C DPV terms of a processing or rights request)",
            "       privacy-rules lint   --policy POLICY [--format text|json]",
            "       privacy-rules lint   --policy COMPANY --against LAW [--format text|json|markdown]",
            "       privacy-rules diff   OLD_POLICY NEW_POLICY [--format text|json] [--examples N]",
            "       privacy-rules doc    --policy POLICY [--format markdown|html] [--out FILE]",
            "       privacy-rules demo   [--policy POLICY]",
            "       privacy-rules completion",
        },
        commandListHeading = "%nCommands (privacy-rules COMMAND --help for its options):%n",
        optionListHeading = "%nOptions of every command:%n",
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:success",
            "1:scenarios failed, coverage under the minimum, lint errors, a gap (lint --against), or (decide --exit-code) a denied decision",
            "2:bad usage or a policy that does not load",
            "3:diff: minor changes only",
            "4:diff: a major change (clear notice), as the pack's changes section says",
            "5:diff: a right reduced (consent), as the pack's changes section says",
        },
        footerHeading = "%n",
        footer = {
            "POLICY is a pack folder (rules/pulsetrack-eu) or classpath:NAME.",
            "Add --verbose to any command to see stack traces. Every command, option and output: docs/cli.md.",
        })
final class PrivacyRulesCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    private final Context context;

    PrivacyRulesCommand(Context context) {
        this.context = context;
    }

    /** No command: the usage on standard error, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return Exit.USAGE;
    }
}
