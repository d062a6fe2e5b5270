package io.trailhound.store;

import java.time.LocalDate;

/**
 * What a writer did.
 *
 * @param received events handed to the writer
 * @param stored events newly stored
 * @param alreadyStored events skipped because their id was already in the store
 * @param batches batches moved into the store
 * @param firstDay earliest UTC day stored, null when nothing was
 * @param lastDay latest UTC day stored, null when nothing was
 */
public record WriteStats(
    long received,
    long stored,
    long alreadyStored,
    long batches,
    LocalDate firstDay,
    LocalDate lastDay) {}
