/**
 * A ConnectedDrive-style host service that asks the seed pack before each step and acts on the
 * answer ({@link io.privacyrules.examples.host.ConnectedDriveService}).
 */
package io.privacyrules.examples.host;
