package io.trailhound.store;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One day moved from the store to Parquet.
 *
 * @param day the UTC day
 * @param events events written (and deleted from the store)
 * @param eventsFile Parquet file of the day's {@code events} rows
 * @param resourcesFile Parquet file of the day's {@code event_resources} rows
 */
public record ExportedDay(LocalDate day, long events, Path eventsFile, Path resourcesFile) {}
