package io.privacyrules;

import java.util.Locale;

/**
 * How a consent was given. The law a pack encodes may ask for more than an explicit consent: the
 * PRC's Personal Information Protection Law asks for a <em>separate</em> consent (one given for
 * this processing alone, not bundled with others) before data goes to another processor (Art. 23),
 * is made public (Art. 25), is sensitive (Art. 29) or leaves the country (Art. 39).
 *
 * <p>A separate consent is also an explicit one: a rule that asks for any consent is satisfied by
 * either kind, a rule that asks for a separate consent only by {@link #SEPARATE}.
 *
 * <p>Thread-safe: an enum.
 */
public enum ConsentKind {
    /** An explicit consent (the default). */
    EXPLICIT,
    /** A separate consent, given for this processing on its own. */
    SEPARATE;

    /** The lower-case name used in scenario files and JSON ({@code explicit}, {@code separate}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code id} ({@code explicit} or {@code separate}), or null when there is none. */
    public static ConsentKind of(String id) {
        for (ConsentKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
