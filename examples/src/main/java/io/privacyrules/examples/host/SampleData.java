package io.privacyrules.examples.host;

import io.privacyrules.examples.host.ConnectedDriveService.ArchivedRecord;
import io.privacyrules.examples.host.ConnectedDriveService.Customer;
import io.privacyrules.examples.host.ConnectedDriveService.TelematicsReading;
import java.time.LocalDate;
import java.util.List;

/** The made-up customers, readings and archive of the sample day. No real person or vehicle. */
final class SampleData {
    private SampleData() {
    }

    static final List<Customer> ADULTS = List.of(
            new Customer("c-1", "Zhang Wei", "male", "+86 000 0000 0001", "ID-FAKE-0001", 46, false),
            new Customer("c-2", "Li Na", "female", "+86 000 0000 0002", "ID-FAKE-0002", 34, false),
            new Customer("c-3", "Chen Jing", "female", "+86 000 0000 0003", "ID-FAKE-0003", 51, false),
            new Customer("c-4", "Liu Yang", "male", "+86 000 0000 0004", "ID-FAKE-0004", 38, false));

    static final Customer CHILD = new Customer("c-5", "Zhao Xiaoming", "male", "+86 000 0000 0005", "ID-FAKE-0005", 12, false);
    static final Customer CHILD_WITH_GUARDIAN = new Customer("c-5", "Zhao Xiaoming", "male", "+86 000 0000 0005",
            "ID-FAKE-0005", 12, true);

    static final List<TelematicsReading> READINGS = List.of(
            new TelematicsReading("c-1", "LBV00000000000001", 31.2304, 121.4737, 12.6),
            new TelematicsReading("c-1", "LBV00000000000001", 31.1443, 121.8083, 12.4),
            new TelematicsReading("c-2", "LBV00000000000002", 39.9042, 116.4074, 12.7),
            new TelematicsReading("c-2", "LBV00000000000002", 39.9889, 116.3058, 12.5),
            new TelematicsReading("c-3", "LBV00000000000003", 22.5431, 114.0579, 12.2),
            new TelematicsReading("c-3", "LBV00000000000003", 22.6273, 114.0286, 12.3),
            new TelematicsReading("c-4", "LBV00000000000004", 31.2989, 120.5853, 12.8),
            new TelematicsReading("c-4", "LBV00000000000004", 31.3210, 120.6190, 12.6),
            new TelematicsReading("c-5", "LBV00000000000005", 30.2741, 120.1551, 12.1),
            new TelematicsReading("c-9", "LBV00000000000009", 30.5728, 104.0668, 12.9));   // no stored customer

    /** Records of earlier years, as the sweep finds them on 2026-11-26. */
    static final List<ArchivedRecord> ARCHIVE = List.of(
            // contracts that ended: the statutory period (P3Y) is over for the first, not for the second
            new ArchivedRecord("contract.record", List.of("contract-conclusion"), List.of("contract-conclusion"),
                    LocalDate.of(2022, 6, 30), null, null),
            new ArchivedRecord("contract.record", List.of("contract-conclusion"), List.of("contract-conclusion"),
                    LocalDate.of(2024, 3, 31), null, null),
            // a contract still running
            new ArchivedRecord("contract.record", List.of("contract-conclusion"), List.of(), null, null, null),
            // the name of a customer whose contract ended: no purpose left
            new ArchivedRecord("identity.name", List.of("contract-conclusion"), List.of("contract-conclusion"),
                    LocalDate.of(2025, 9, 30), null, null),
            // a payment of 2022: the statutory period ended in 2025
            new ArchivedRecord("financial.transaction", List.of("contract-conclusion"), List.of("contract-conclusion"),
                    null, LocalDate.of(2022, 8, 15), null),
            // after-sales data: one vehicle still on the road, one scrapped in 2025
            new ArchivedRecord("vehicle.service-data", List.of("after-sales-service"), List.of(), null, null,
                    LocalDate.of(2034, 12, 31)),
            new ArchivedRecord("vehicle.service-data", List.of("after-sales-service"), List.of(), null, null,
                    LocalDate.of(2025, 12, 31)));
}
