/**
 * CloudTrail ingestion: reads CloudTrail files in every layout AWS produces into {@link
 * io.trailhound.event.Event}s. Entry points: {@link io.trailhound.source.InputSpec#expand} for the
 * arguments, {@link io.trailhound.source.cloudtrail.IngestService} for a parallel run, {@link
 * io.trailhound.source.cloudtrail.CloudTrailReader} for one input at a time.
 *
 * <h2>Formats accepted</h2>
 *
 * The format is detected per file from its bytes; the user never names it.
 *
 * <ul>
 *   <li><b>gzip</b> is recognised by its magic bytes {@code 1f 8b}, whatever the file name;
 *       concatenated gzip members are read as one stream.
 *   <li><b>S3 delivery objects</b> {@code {"Records":[event, ...]}}.
 *   <li><b>Arrays</b> {@code [event, ...]}; <b>concatenated objects</b>; <b>JSON lines</b> (when
 *       the first object of a file ends on its first line, every later line is read on its own).
 *   <li><b>EventBridge envelopes</b> whose {@code detail-type} ends with {@code " via CloudTrail"}
 *       ({@code AWS API Call via CloudTrail}, {@code AWS Console Sign In via CloudTrail}, ...): the
 *       event is the {@code detail} object; as a single object, in an array or as lines. Other
 *       EventBridge events are counted as {@code UNKNOWN_FORMAT}.
 *   <li><b>{@code aws cloudtrail lookup-events}</b> output {@code {"Events":[{...,
 *       "CloudTrailEvent":"<json>"}], "NextToken":...}}: the event is the decoded string.
 *   <li><b>CloudTrail Lake query results</b> {@code {"QueryStatus":..., "QueryStatistics":...,
 *       "QueryResultRows":[[{"col":value}, ...], ...]}}: each row must be an array of objects; every
 *       member of every column object becomes a member of the rebuilt event (a later column of the
 *       same name wins); a column value that is a string holding a JSON object or an array of
 *       objects ({@code "{..."} or {@code "[{..."}) is decoded; a column named with a dotted path
 *       ({@code userIdentity.arn}) is put back at that path; anything else is kept as is. Lake's
 *       {@code 2023-01-22 16:53:53.000} times are read as UTC. Rows of aggregate queries (no
 *       eventTime, eventSource or eventName) are counted as {@code MISSING_FIELD}.
 *   <li><b>Digest files</b> (a path containing {@code /CloudTrail-Digest/}, or an object with at
 *       least two of {@code digestStartTime}, {@code digestEndTime}, {@code digestS3Object}, {@code
 *       logFiles}) are counted as digests and never read as events.
 *   <li><b>Other log types and other tools' findings</b> are recognised per object by their member
 *       names, or by an EventBridge {@code detail-type} ({@code GuardDuty Finding}, {@code Security
 *       Hub Findings - Imported}, {@code Inspector2 Finding}, Okta's {@code SystemLog}): Okta System
 *       Log events, Microsoft 365 Unified Audit Log records and Entra ID sign-ins become events of
 *       their own source type; GuardDuty, ASFF and Inspector findings go to {@link
 *       io.trailhound.source.cloudtrail.IngestOptions#onFinding()}. Wrappers {@code
 *       {"Findings":[...]}}, {@code {"findings":[...]}} and Graph pages {@code {"value":[...]}} are
 *       framed like {@code Records}. See {@code Foreign} for the order formats are tried in.
 *   <li>A top-level object is taken as an event only if it has one of {@code eventVersion}, {@code
 *       eventTime}, {@code eventID}, {@code userIdentity}; anything else (TrailDiscover metadata,
 *       for one) is counted as {@code UNKNOWN_FORMAT}. Records inside a {@code Records} array are
 *       always taken as events.
 * </ul>
 *
 * <h2>Raw bytes</h2>
 *
 * An event's raw JSON is the exact byte slice of the (decompressed) input from its opening to its
 * closing brace; for EventBridge the slice of {@code detail}. For lookup-events it is the UTF-8
 * encoding of the decoded {@code CloudTrailEvent} string, and for Lake the rebuilt event written
 * compactly by Jackson: neither exists as such in the input.
 *
 * <h2>How records are read, and memory</h2>
 *
 * Records are framed on bytes (strings, escapes and bracket depth only, no decoding) and each
 * record is then parsed on its own with Jackson's streaming parser, capturing only the wanted paths
 * and skipping the rest; no tree of a file is ever built. Framing on bytes is what lets a record
 * with bad UTF-8 or bad JSON be skipped and the next one read, which a single parser over the file
 * cannot do once it has failed. Memory per reading thread is one record (at most {@code
 * maxRecordBytes}, default 16 MiB: a larger record is counted as it streams by, never held) plus a
 * 64 KiB read buffer, plus the events the consumer keeps. Deduplication costs about 11 to 21 bytes
 * per event id, up to {@code dedupeCap} ids (default 4 million, at most 64 MiB).
 *
 * <h2>Bad input</h2>
 *
 * Every problem is counted with a {@link io.trailhound.source.SkipReason}, the location and the
 * record index; the rest is still read. A record with non-UTF-8 bytes is skipped alone, in arrays
 * as in lines, as long as the bad bytes do not break its quotes or brackets. Reading of a file stops
 * at the end of input inside a record ({@code TRUNCATED}), at a broken separator between records
 * ({@code INVALID_JSON}) or at a damaged gzip stream ({@code CORRUPT_GZIP}); records completed
 * before are kept. In JSON lines a bad line costs only itself, except that a first line whose
 * brackets do not balance is read together with the following lines.
 */
package io.trailhound.source.cloudtrail;
