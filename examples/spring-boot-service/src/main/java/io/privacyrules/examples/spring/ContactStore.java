package io.privacyrules.examples.spring;

import io.privacyrules.PolicyInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The service's store, in memory for the example. Thread-safe. */
@Component
public class ContactStore {
    /**
     * A stored form and the policy version that permitted storing it.
     *
     * @param form   the form
     * @param policy the pack version of the decision
     */
    public record Stored(EmergencyContactForm form, PolicyInfo policy) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Stored> contacts = new ConcurrentHashMap<>();

    /** Made by Spring. */
    public ContactStore() {
    }

    /** Stores a form with the policy version that permitted it, and returns its id. */
    public long save(EmergencyContactForm form, PolicyInfo policy) {
        long id = ids.incrementAndGet();
        contacts.put(id, new Stored(form, policy));
        return id;
    }

    /** How many forms are stored. */
    public int size() {
        return contacts.size();
    }
}
