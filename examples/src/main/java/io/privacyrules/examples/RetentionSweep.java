package io.privacyrules.examples;

import io.privacyrules.PolicyEngine;
import io.privacyrules.RetentionQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A nightly retention sweep: stream the stored records, ask the pack about each, and delete (or
 * anonymize) the ones it says to dispose of. The records stand in for a database cursor; the
 * sweep holds one record at a time.
 */
public final class RetentionSweep {
    /** A stored record as a host keeps it: ids and dates, no personal data needed for the question. */
    public record StoredRecord(long id, String category, List<String> purposes, List<String> fulfilled,
                               LocalDate contractEndedOn) {
    }

    private RetentionSweep() {
    }

    /** The ids of the records to dispose of, in the order they were read. */
    public static List<Long> sweep(PolicyEngine engine, Stream<StoredRecord> records) {
        return engine.toDispose(records, r -> RetentionQuery.builder()
                        .data(r.category())
                        .purposes(r.purposes().toArray(String[]::new))
                        .purposesFulfilled(r.fulfilled().toArray(String[]::new))
                        .event("contract-ended", r.contractEndedOn())
                        .build())
                .map(StoredRecord::id)
                .toList();
    }

    /** Ten thousand made-up records: contracts that ended on different days, some still running. */
    public static Stream<StoredRecord> sampleRecords() {
        return IntStream.range(0, 10_000).mapToObj(i -> {
            boolean ended = i % 3 != 0;
            return new StoredRecord(i, i % 2 == 0 ? "contract.record" : "identity.name",
                    List.of("contract-conclusion"), ended ? List.of("contract-conclusion") : List.of(),
                    ended ? LocalDate.of(2021, 1, 1).plusDays(i % 1500) : null);
        });
    }

    /**
     * Sweeps the {@link #sampleRecords() sample records} with the seed pack and prints what to dispose of.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn");
        List<Long> dispose = sweep(engine, sampleRecords());
        System.out.println("records to delete or anonymize tonight: " + dispose.size() + " of 10000");
        System.out.println("first ten: " + dispose.subList(0, Math.min(10, dispose.size())));
    }
}
