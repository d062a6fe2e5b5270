package io.trailhound.cli;

import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.source.cloudtrail.RawRecords;
import io.trailhound.store.EventStore;
import io.trailhound.store.RetentionResult;
import io.trailhound.store.ScanRecord;
import io.trailhound.store.StoreEventLookup;
import io.trailhound.store.StoreOptions;
import io.trailhound.store.StoreStage;
import io.trailhound.store.WriteStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code scan --store}: opens the store before the scan (a bad file fails before any reading),
 * feeds it every event through a {@link StoreStage}, then stores the findings and the scan record
 * and applies retention.
 */
final class ScanStore implements AutoCloseable {

  private final EventStore store;
  private final StoreStage stage;
  private final String scanId;
  private final Clock clock;
  private final Instant started;

  private ScanStore(EventStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.started = clock.instant();
    this.scanId = UUID.randomUUID().toString();
    this.stage = new StoreStage(store.writer(scanId));
  }

  static ScanStore open(Path file, Clock clock) {
    EventStore store = EventStore.open(file, StoreOptions.defaults(), clock, Version.current());
    try {
      return new ScanStore(store, clock);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Investigation pivots over {@code store}, its raw records read back by the scan's readers. */
  static StoreEventLookup lookup(EventStore store, Clock clock) {
    return store.lookup((raw, paths) -> RawRecords.read(raw, paths, clock));
  }

  ScanOptions attach(ScanOptions options) {
    return options.withStage(() -> stage);
  }

  /** Stores the findings and the scan record, applies retention, says what was stored. */
  void finish(ScanResult result, List<String> inputs, Integer retentionDays, PrintWriter err) {
    WriteStats w = stage.stats();
    store.saveFindings(scanId, result.findings());
    store.recordScan(
        new ScanRecord(
            scanId,
            started,
            clock.instant(),
            Version.current(),
            inputs,
            result.ingest().eventsDelivered(),
            w.stored(),
            w.alreadyStored(),
            result.findings().size()));
    err.printf(
        Locale.ROOT,
        "trailhound: stored %,d events (%,d already in the store) and %,d findings in %s%n",
        w.stored(),
        w.alreadyStored(),
        result.findings().size(),
        store.file());
    if (retentionDays != null) {
      RetentionResult r = store.retention().keepDays(retentionDays);
      if (r.daysDeleted() > 0) {
        err.printf(
            Locale.ROOT,
            "trailhound: retention: deleted %,d events of %d days before %s%n",
            r.eventsDeleted(),
            r.daysDeleted(),
            r.keptFrom());
      }
    }
  }

  @Override
  public void close() {
    try {
      stage.finish();
    } finally {
      store.close();
    }
  }
}
