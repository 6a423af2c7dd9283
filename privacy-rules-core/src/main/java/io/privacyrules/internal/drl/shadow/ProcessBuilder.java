package io.privacyrules.internal.drl.shadow;

/**
 * An empty class that every pack's DRL imports under the name {@code ProcessBuilder}, so that the bare name
 * means nothing there: MVEL knows {@code java.lang.ProcessBuilder} by its simple name without asking a class
 * loader, and this import comes first. See {@link io.privacyrules.internal.drl.shadow}.
 */
public final class ProcessBuilder {
    private ProcessBuilder() {
    }
}
