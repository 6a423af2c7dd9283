package io.privacyrules.internal.drl;

import io.privacyrules.RetentionQuery;
import io.privacyrules.internal.pack.Pack;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fact a pack's retention rules match on: one validated retention query, with the periods
 * already worked out. DRL files see it as {@code Retention}. An {@code until} is the last day of
 * keeping (inclusive).
 *
 * <p>Properties: {@code data}, {@code asOf}, {@code unfulfilledPurposes} (excluding purposes that
 * last until the end of the service life), {@code statutory} (a statutory period applies to the
 * data), {@code statutoryClause}, {@code statutoryUntil} (null while the event it runs from has
 * not happened), {@code statutoryRunning}, {@code statutoryEnded}, {@code serviceLife} (a purpose
 * lasting until the end of the service life is unfulfilled), {@code serviceLifeClause}, {@code serviceLifeUntil},
 * {@code serviceLifeRunning}.
 */
public final class Retention {
    private final String data;
    private final LocalDate asOf;
    private final Set<String> unfulfilledPurposes;
    private final boolean statutory;
    private final String statutoryClause;
    private final LocalDate statutoryUntil;
    private final boolean statutoryRunning;
    private final boolean serviceLife;
    private final String serviceLifeClause;
    private final LocalDate serviceLifeUntil;
    private final boolean serviceLifeRunning;

    public Retention(Pack pack, RetentionQuery q, LocalDate asOf) {
        this.data = q.data();
        this.asOf = asOf;
        Pack.Retention r = pack.retention();
        Set<String> open = new LinkedHashSet<>(q.purposes());
        q.purposesFulfilled().forEach(open::remove);
        Set<String> lifeOpen = new LinkedHashSet<>(open);
        lifeOpen.retainAll(r.serviceLifePurposes());
        open.removeAll(r.serviceLifePurposes());
        this.unfulfilledPurposes = Set.copyOf(open);
        this.serviceLife = !lifeOpen.isEmpty();
        this.serviceLifeClause = r.serviceLifeClause();
        this.serviceLifeUntil = serviceLife ? q.vehicleServiceLifeEndedOn() : null;
        this.serviceLifeRunning = serviceLife && (serviceLifeUntil == null || !asOf.isAfter(serviceLifeUntil));
        Pack.StatutoryPeriod period = r.statutory().stream().filter(p -> p.data().contains(data)).findFirst().orElse(null);
        this.statutory = period != null;
        this.statutoryClause = period == null ? null : period.clause();
        LocalDate event = period == null ? null : switch (period.after()) {
            case "contract-ended" -> q.contractEndedOn();
            case "transaction-completed" -> q.transactionCompletedOn();
            case "service-life-ended" -> q.vehicleServiceLifeEndedOn();
            default -> null;
        };
        this.statutoryUntil = event == null ? null : event.plus(period.period());
        this.statutoryRunning = statutory && (statutoryUntil == null || !asOf.isAfter(statutoryUntil));
    }

    public String getData() {
        return data;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public Set<String> getUnfulfilledPurposes() {
        return unfulfilledPurposes;
    }

    public boolean isStatutory() {
        return statutory;
    }

    public String getStatutoryClause() {
        return statutoryClause;
    }

    public LocalDate getStatutoryUntil() {
        return statutoryUntil;
    }

    public boolean isStatutoryRunning() {
        return statutoryRunning;
    }

    public boolean isStatutoryEnded() {
        return statutory && !statutoryRunning;
    }

    public boolean isServiceLife() {
        return serviceLife;
    }

    public String getServiceLifeClause() {
        return serviceLifeClause;
    }

    public LocalDate getServiceLifeUntil() {
        return serviceLifeUntil;
    }

    public boolean isServiceLifeRunning() {
        return serviceLifeRunning;
    }

    @Override
    public String toString() {
        return "Retention[" + data + " as of " + asOf + "]";
    }
}
