/**
 * Sigma correlation rules evaluated on event time: {@link
 * io.trailhound.detect.correlation.CorrelationEngine} keeps compact match records per correlation
 * and group, and evaluates them sorted by event time, so results do not depend on the order events
 * arrive in.
 */
package io.trailhound.detect.correlation;
