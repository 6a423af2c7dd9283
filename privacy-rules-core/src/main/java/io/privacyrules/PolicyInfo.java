package io.privacyrules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies the pack (and so the version of the policy) that made a decision.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id           the pack's identifier, for example {@code pulsetrack-eu}
 * @param version      the pack's version string
 * @param effective    the day the policy took effect
 * @param title        a human-readable title of the policy
 * @param jurisdiction where the policy's law applies: an ISO 3166 country code or a region the pack
 *                     declares, for example {@code DE} or {@code EEA}
 * @param revision     a fingerprint of the pack's files (12 hex digits of a SHA-256), which tells
 *                     apart two loads of the same {@code version} whose files differ
 */
public record PolicyInfo(String id, String version, LocalDate effective, String title, String jurisdiction,
                         String revision) {
    /**
     * @throws NullPointerException if any argument is null
     */
    public PolicyInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(revision, "revision");
    }
}
