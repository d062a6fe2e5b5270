package io.trailhound.simulate.identity;

import java.time.Instant;

/**
 * One identity-provider log record an attack scenario adds.
 *
 * @param source {@code okta}, {@code entra} or {@code m365}
 * @param id the record's own id (Okta {@code uuid}, Entra {@code id}, Unified Audit Log {@code
 *     Id}): the event id Trailhound gives it
 * @param attack true when the attacker made it; false for the victim's own records the scenario
 *     needs (the sign-in whose session is later stolen)
 */
public record IdentityRecord(Instant time, String source, String id, String json, boolean attack) {}
