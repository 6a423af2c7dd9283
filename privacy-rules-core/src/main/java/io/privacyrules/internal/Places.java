package io.privacyrules.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Where data may be kept or go: today the officially assigned ISO 3166-1 alpha-2 country codes, as
 * the JDK lists them ({@link Locale#getISOCountries()}: {@code CN}, {@code DE}, {@code NO}, ...).
 * Codes that are only shaped like one are not places: {@code ZZ} (unknown), {@code EU} (exceptionally
 * reserved), {@code UK}, and {@code XK}, the user-assigned code several registries use for Kosovo,
 * which ISO 3166-1 does not assign. Checked in {@code policy.yaml} ({@code jurisdiction}, a
 * recipient's {@code location}) and in a request's {@code destination}.
 *
 * <p>Regions (such as {@code EEA}) are to be declared by packs later; {@link #REGIONS} is the one
 * place that will admit them.
 */
public final class Places {
    private static final Set<String> COUNTRIES = Set.copyOf(Arrays.asList(Locale.getISOCountries()));
    /** Names of regions accepted wherever a country is; none yet. */
    static final Set<String> REGIONS = Set.of();

    private Places() {
    }

    /** True for an ISO 3166-1 alpha-2 country code (upper case) or a region of {@link #REGIONS}. */
    public static boolean isKnown(String code) {
        return code != null && (COUNTRIES.contains(code) || REGIONS.contains(code));
    }

    /** True when {@code value} has the shape of a country code, so that a message may name it. */
    public static boolean looksLikeACode(String value) {
        return value != null && value.length() == 2 && Character.isLetter(value.charAt(0))
                && Character.isLetter(value.charAt(1)) && value.chars().allMatch(c -> c < 128);
    }
}
