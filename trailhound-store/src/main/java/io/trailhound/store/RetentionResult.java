package io.trailhound.store;

import java.time.LocalDate;

/**
 * What retention deleted.
 *
 * @param keptFrom first day kept (null when the store held no events)
 * @param daysDeleted number of days deleted
 * @param eventsDeleted number of events deleted
 */
public record RetentionResult(LocalDate keptFrom, int daysDeleted, long eventsDeleted) {}
