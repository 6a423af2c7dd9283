/** A retention sweep as a Spark job: Parquet in, the dispose list out. */
package io.privacyrules.examples.spark;
