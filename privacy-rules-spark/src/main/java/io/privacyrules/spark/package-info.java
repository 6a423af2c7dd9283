/**
 * Retention sweeps on Apache Spark: {@link io.privacyrules.spark.SparkRetention} loads a pack on
 * the driver and decides a {@code Dataset<Row>} of stored records, mapped to retention queries by
 * {@link io.privacyrules.spark.RetentionColumns}, into a {@link io.privacyrules.spark.RetentionSweep}:
 * the records with their answers, those to dispose of, and those the pack could not be asked about.
 *
 * <p>Spark is a {@code provided} dependency (Spark 4, Scala 2.13). Public signatures use the
 * library's and Spark's types only, no Drools or Jackson types.
 */
package io.privacyrules.spark;
