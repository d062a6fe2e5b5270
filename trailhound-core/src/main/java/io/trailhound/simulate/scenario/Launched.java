package io.trailhound.simulate.scenario;

import java.time.Instant;

/**
 * An instance an attack launched, so that network logs can show what it did afterwards.
 *
 * @param instanceId the id RunInstances returned
 * @param region where it runs
 * @param account the account it runs in
 * @param time when RunInstances was called
 */
public record Launched(String instanceId, String region, String account, Instant time) {}
