/** Implementation details (see {@link io.privacyrules.internal}); not an API. */
package io.privacyrules.internal.drl;
