/**
 * A ConnectedDrive-style host service that asks the seed pack before each step and acts on the
 * answer ({@link io.privacyrules.examples.host.ConnectedDriveService}), and a small host of a second,
 * fictional pack ({@link io.privacyrules.examples.host.BikeShareDesk}).
 */
package io.privacyrules.examples.host;
