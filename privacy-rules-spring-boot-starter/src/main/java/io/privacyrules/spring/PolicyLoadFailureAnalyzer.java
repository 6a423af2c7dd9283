package io.privacyrules.spring;

import io.privacyrules.PolicyLoadException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a pack that did not load at start-up with all its problems, in Spring Boot's failure report. */
class PolicyLoadFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
        return new FailureAnalysis("The privacy policy did not load, and the application does not start without "
                + "it: it could not decide anything.\n\n" + cause.getMessage(),
                "Fix the problems listed (each is file:line:column: message, with a hint), or set privacy-rules.policy "
                        + "to a pack that loads. 'bin/privacy-rules lint --policy PACK' shows the same list.",
                cause);
    }
}
