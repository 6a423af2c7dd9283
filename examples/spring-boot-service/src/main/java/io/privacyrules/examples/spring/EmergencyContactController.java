package io.privacyrules.examples.spring;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.spring.PrivacyRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /emergency-contacts}: stores a second emergency contact if the policy permits
 * collecting it. The seed pack permits it for service improvement only with the customer's
 * consent (clause I.1(3)), so a form without the consent box ticked is refused with 403 and the
 * policy's reasons, and nothing is stored. No answer repeats what the form holds.
 */
@RestController
@RequestMapping("/emergency-contacts")
public class EmergencyContactController {
    private final PrivacyRules policy;
    private final ContactStore store;

    /**
     * A controller asking {@code policy} before it writes to {@code store}.
     *
     * @param policy the policy, from the starter
     * @param store  where permitted forms go
     */
    public EmergencyContactController(PrivacyRules policy, ContactStore store) {
        this.policy = policy;
        this.store = store;
    }

    /**
     * Asks the policy, then stores the form or refuses.
     *
     * @param form the posted form
     * @return 201 with the new id, or 403 with the reasons
     */
    @PostMapping
    public ResponseEntity<Map<String, Object>> store(@RequestBody EmergencyContactForm form) {
        ProcessingRequest.Builder request = ProcessingRequest.builder()
                .action("collect").purpose("service-improvement").data("emergency-contact.secondary");
        if (form.consentToServiceImprovement()) {
            request.consent(Consent.toPurpose("service-improvement"));
        }
        Decision d = policy.decide(request.build());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", describe(d.policy()));
        body.put("reasons", d.reasons().stream()
                .map(r -> Map.of("code", r.code(), "clause", r.clause(), "message", r.message())).toList());
        if (!d.permitted()) {
            body.put("stored", false);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
        }
        if (!d.obligations().isEmpty()) {
            // This service knows how to honour no obligation: a pack version that adds one to this
            // permit stops it from storing, instead of being ignored.
            body.put("stored", false);
            body.put("unhonouredObligations", d.obligationIds());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
        }
        body.put("stored", true);
        body.put("id", store.save(form, d.policy()));
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static Map<String, Object> describe(PolicyInfo p) {
        return Map.of("pack", p.id(), "version", p.version(), "revision", p.revision());
    }
}
