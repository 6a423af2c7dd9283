/**
 * The {@code bin/privacy-rules} command line on picocli, one class per command: {@code check} (with
 * coverage and an HTML report), {@code decide} (with {@code --explain} or {@code --dpv}), {@code lint}
 * (with {@code --against}), {@code diff}, {@code doc}, {@code demo} and {@code completion}.
 * {@link io.privacyrules.cli.Main} wires them and maps failures to exit codes (docs/cli.md).
 */
package io.privacyrules.cli;
