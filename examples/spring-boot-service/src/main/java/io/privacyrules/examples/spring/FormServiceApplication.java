package io.privacyrules.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service that stores a second emergency contact only when the policy permits it.
 * The privacy-rules starter loads the pack named in {@code application.properties} and offers it
 * as a {@link io.privacyrules.spring.PrivacyRules} bean; {@link EmergencyContactController} asks it.
 */
@SpringBootApplication
public class FormServiceApplication {

    /** Made by Spring. */
    public FormServiceApplication() {
    }

    /**
     * Starts the service (port 8080 unless {@code --server.port} says otherwise).
     *
     * @param args Spring Boot's command line
     */
    public static void main(String[] args) {
        SpringApplication.run(FormServiceApplication.class, args);
    }
}
