/**
 * Implementation details; not an API. Types here may change in any release.
 *
 * <p>{@code yaml} reads YAML with positions and limits; {@code pack} validates a pack and
 * compiles it to a Drools KieBase; {@code drl} holds the fact and global that a pack's DRL sees;
 * {@code engine} decides; {@code scenario} reads and runs scenario files; {@code tools} holds the
 * authoring tools (lint, coverage, explain, diff, the HTML report).
 */
package io.privacyrules.internal;
