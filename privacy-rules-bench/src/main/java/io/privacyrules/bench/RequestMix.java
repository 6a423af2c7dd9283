package io.privacyrules.bench;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A fixed, seeded mix of distinct valid processing requests over the seed pack's identifiers:
 * every action and every purpose, every recipient, adults, children and unknown ages, consents of
 * every kind (some withdrawn), destinations at home and abroad. The weights are tuned so that
 * about half of the mix is permitted (RequestMixTest prints the ratio). The same seed always gives
 * the same list in the same order.
 */
public final class RequestMix {
    /** The seed of the benchmark mix (the policy's effective date). */
    public static final long SEED = 20191101L;
    /** Requests in the benchmark mix: a power of two, so a cursor can wrap with a mask. */
    public static final int SIZE = 2048;

    private static final List<String> FOREIGN = List.of("DE", "US", "SG", "JP");

    private RequestMix() {
    }

    /** The benchmark mix: {@link #SIZE} requests from {@link #SEED}. */
    public static List<ProcessingRequest> standard() {
        return generate(SEED, SIZE);
    }

    /**
     * {@code size} distinct valid requests. The first 77 are one per action and purpose, so that a
     * mix of any size covers them all; the rest are drawn at random.
     */
    public static List<ProcessingRequest> generate(long seed, int size) {
        Random rnd = new Random(seed);
        Set<ProcessingRequest> out = new LinkedHashSet<>();
        for (String action : Seed.ACTIONS) {
            for (String purpose : Seed.PURPOSE_IDS) {
                if (out.size() < size) {
                    out.add(one(rnd, action, purpose));
                }
            }
        }
        int attempts = 0;
        while (out.size() < size) {
            if (++attempts > size * 100) {
                throw new IllegalStateException("cannot draw " + size + " distinct requests");
            }
            out.add(one(rnd, action(rnd), Seed.PURPOSE_IDS.get(rnd.nextInt(Seed.PURPOSE_IDS.size()))));
        }
        // shuffle so that neighbours in the benchmark's rotation are unrelated
        List<ProcessingRequest> list = new ArrayList<>(out);
        java.util.Collections.shuffle(list, rnd);
        return List.copyOf(list);
    }

    /**
     * The requests of {@code mix} that a rule of the seed pack's DRL files may fire on: both rules
     * of {@code children.drl} need a child (under {@link Seed#CHILD_UNDER}) without a guardian's
     * consent, and the engine asks Drools only for such requests.
     */
    public static List<ProcessingRequest> reachingDrl(List<ProcessingRequest> mix) {
        return mix.stream().filter(r -> r.subject().age() != null && r.subject().age() < Seed.CHILD_UNDER
                && !r.subject().guardianConsent()).toList();
    }

    private static String action(Random rnd) {
        int x = rnd.nextInt(100);
        if (x < 24) {
            return "collect";
        } else if (x < 57) {
            return "use";
        } else if (x < 75) {
            return "share";
        } else if (x < 83) {
            return "entrust";
        } else if (x < 92) {
            return "transfer";
        } else if (x < 97) {
            return "disclose";
        }
        return "cross-border-transfer";
    }

    private static ProcessingRequest one(Random rnd, String action, String purpose) {
        ProcessingRequest.Builder b = ProcessingRequest.builder().action(action).purpose(purpose);
        b.data(data(rnd, purpose));
        String recipient = recipient(rnd, action);
        b.recipient(recipient);
        int d = rnd.nextInt(100);
        if (d < 8) {
            b.destination("CN");
        } else if (d < 11) {
            b.destination(FOREIGN.get(rnd.nextInt(FOREIGN.size())));
        }
        b.anonymized(rnd.nextInt(100) < 30);
        b.aggregated(rnd.nextInt(100) < 20);
        b.requiredByLaw(rnd.nextInt(100) < 12);
        b.protectsChild(rnd.nextInt(100) < 4);
        int age = rnd.nextInt(100);
        if (age < 40) {
            b.age(18 + rnd.nextInt(70));
        } else if (age < 48) {
            b.age(4 + rnd.nextInt(10));
            b.guardianConsent(rnd.nextInt(100) < 60);
        } else if (age < 52) {
            b.age(14 + rnd.nextInt(4));
        }
        if (rnd.nextInt(100) < 3) {
            b.guardianConsent(true);
        }
        int n = rnd.nextInt(100);
        int consents = n < 20 ? 0 : n < 60 ? 1 : n < 88 ? 2 : 3;
        for (int i = 0; i < consents; i++) {
            Consent c = consent(rnd, action, purpose, recipient);
            b.consent(rnd.nextInt(100) < 8 ? c.withdraw() : c);
        }
        return b.build();
    }

    private static List<String> data(Random rnd, String purpose) {
        Seed.Purpose p = Seed.PURPOSES.get(purpose);
        List<String> declared = p.data() == null ? Seed.CATEGORIES
                : purpose.equals("product-development") ? Seed.CONTRACT_FULFILMENT_DATA
                : purpose.equals("service-analytics") ? Seed.CONTRACT_CONCLUSION_DATA
                : new ArrayList<>(new java.util.TreeSet<>(p.data()));
        int n = 1 + rnd.nextInt(rnd.nextInt(100) < 70 ? 2 : 4);
        boolean stray = rnd.nextInt(100) < 8;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(declared.get(rnd.nextInt(declared.size())));
        }
        if (stray) {
            out.add(Seed.CATEGORIES.get(rnd.nextInt(Seed.CATEGORIES.size())));
        }
        return List.copyOf(out);
    }

    private static String recipient(Random rnd, String action) {
        List<String> all = Seed.RECIPIENT_IDS;
        int x = rnd.nextInt(100);
        return switch (action) {
            case "share" -> all.get(rnd.nextInt(all.size()));
            case "entrust" -> x < 75 ? "entrusted-processor" : all.get(rnd.nextInt(all.size()));
            case "transfer" -> x < 45 ? "acquirer" : all.get(rnd.nextInt(all.size()));
            default -> x < 12 ? all.get(rnd.nextInt(all.size())) : null;
        };
    }

    private static Consent consent(Random rnd, String action, String purpose, String recipient) {
        int x = rnd.nextInt(100);
        String anyPurpose = Seed.PURPOSE_IDS.get(rnd.nextInt(Seed.PURPOSE_IDS.size()));
        String anyRecipient = Seed.RECIPIENT_IDS.get(rnd.nextInt(Seed.RECIPIENT_IDS.size()));
        String anyAction = Seed.ACTIONS.get(rnd.nextInt(Seed.ACTIONS.size()));
        if (x < 36) {
            return Consent.toPurpose(purpose);
        } else if (x < 62) {
            return Consent.toRecipient(recipient != null ? recipient : anyRecipient);
        } else if (x < 71) {
            return Consent.toAction(action);
        } else if (x < 78) {
            return Consent.toPurpose(anyPurpose);
        } else if (x < 85) {
            return Consent.toRecipient(anyRecipient);
        } else if (x < 90) {
            return Consent.toAction(anyAction);
        }
        // a consent scoped by two or three fields
        return new Consent(rnd.nextBoolean() ? purpose : null, recipient != null ? recipient : anyRecipient,
                rnd.nextBoolean() ? action : null, false);
    }
}
