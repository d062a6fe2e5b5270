package io.trailhound.source.text;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of a line-oriented reader: files, bytes, records read and delivered. */
public final class ReadCounts {
  public final LongAdder files = new LongAdder();
  public final LongAdder bytes = new LongAdder();
  public final LongAdder records = new LongAdder();
  public final LongAdder delivered = new LongAdder();

  /** Flow records saying that no traffic was seen (NODATA). */
  public final LongAdder noData = new LongAdder();

  /** Flow records saying that AWS skipped records (SKIPDATA): traffic the log does not show. */
  public final LongAdder skipData = new LongAdder();
}
