/**
 * Implementation details; not an API. Types here may change in any release.
 *
 * <p>{@code yaml} reads YAML with positions and limits; {@code pack} validates a pack and
 * compiles it to a Drools KieBase; {@code drl} holds the fact and global that a pack's DRL sees;
 * {@code engine} decides; {@code scenario} reads and runs scenario files.
 *
 * <p>The authoring tools (lint, coverage, explain, diff, doc, the gap report, the HTML report) are
 * not in this jar: they are the module {@code privacy-rules-tools}, which reaches these packages
 * only through {@link io.privacyrules.internal.Authoring}, the one entry point kept for it. Nothing
 * here refers to the tools.
 */
package io.privacyrules.internal;
