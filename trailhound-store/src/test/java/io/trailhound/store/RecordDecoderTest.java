package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.Interner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-query decoder of the {@code record} column shares one parse among records whose caller
 * part or rest is equal: every record must still come back exactly as it was written, whatever it
 * shares with the rows before it.
 */
class RecordDecoderTest {

  @Test
  void records_sharing_everything_but_id_and_time_come_back_with_their_own_id_and_time() {
    EventRecord first = record("e-1", Instant.parse("2026-11-16T00:00:04Z"), "arn:aws:s3:::a");
    EventRecord second =
        record("e-2", Instant.parse("2026-11-17T08:15:00.123456789Z"), "arn:aws:s3:::a");
    RecordDecoder decoder = new RecordDecoder(new Interner());

    assertThat(decoder.decode(bytes(first))).isEqualTo(first);
    EventRecord again = decoder.decode(bytes(second));

    assertThat(again).isEqualTo(second);
    assertThat(again.resources()).isSameAs(decoder.decode(bytes(first)).resources());
  }

  @Test
  void records_that_differ_after_the_head_are_decoded_each_on_their_own() {
    EventRecord a = record("e-1", Instant.parse("2026-11-16T00:00:04Z"), "arn:aws:s3:::a/1");
    EventRecord b = record("e-2", Instant.parse("2026-11-16T00:00:04Z"), "arn:aws:s3:::a/2");
    RecordDecoder decoder = new RecordDecoder(new Interner());

    assertThat(decoder.decode(bytes(a))).isEqualTo(a);
    assertThat(decoder.decode(bytes(b))).isEqualTo(b);
  }

  @Test
  void ids_with_escapes_and_times_before_1970_are_decoded_in_full() {
    EventRecord quoted =
        record("id \"with\" \\ quotes,", Instant.parse("1969-12-31T23:59:59.5Z"), "r");
    EventRecord plain = record("plain", Instant.parse("1969-12-31T23:59:58Z"), "r");
    RecordDecoder decoder = new RecordDecoder(new Interner());

    assertThat(decoder.decode(bytes(quoted))).isEqualTo(quoted);
    assertThat(decoder.decode(bytes(plain))).isEqualTo(plain);
    assertThat(decoder.decode(bytes(quoted))).isEqualTo(quoted);
  }

  @Test
  void callers_and_rests_are_shared_independently_and_every_record_comes_back_whole() {
    EventRecord upload = record("e-1", Instant.parse("2026-11-16T00:00:04Z"), "arn:aws:s3:::a/1");
    EventRecord other = record("e-2", Instant.parse("2026-11-16T00:00:05Z"), "arn:aws:s3:::a/2");
    EventRecord otherKey =
        withCaller(upload, "e-3", "ASIAOTHER", "ua with \"quotes\", [brackets], \\ and null", null);
    EventRecord readOnly = withCaller(other, "e-4", "ASIAOTHER", "plain", true);
    RecordDecoder decoder = new RecordDecoder(new Interner());

    for (EventRecord r : List.of(upload, other, otherKey, readOnly, upload, otherKey)) {
      assertThat(decoder.decode(bytes(r))).isEqualTo(r);
    }
    assertThat(decoder.decode(bytes(otherKey)).resources())
        .isSameAs(decoder.decode(bytes(upload)).resources());
    assertThat(decoder.decode(bytes(readOnly)).userAgent()).isEqualTo("plain");
  }

  @Test
  void a_record_written_for_other_kept_paths_is_not_used() {
    String stale =
        "[1,"
            + RecordCodec.encode(record("e", Instant.EPOCH, "r"))
                .substring(1 + String.valueOf(RecordCodec.PATHS).length() + 1);

    assertThat(new RecordDecoder(new Interner()).decode(stale.getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  /** {@code r} with another id, key, client string and read-only flag. */
  private static EventRecord withCaller(
      EventRecord r, String id, String key, String userAgent, Boolean readOnly) {
    return new EventRecord(
        id,
        r.time(),
        r.sourceType(),
        r.account(),
        r.region(),
        r.service(),
        r.api(),
        readOnly,
        r.errorCode(),
        r.actorType(),
        r.principalArn(),
        r.userName(),
        key,
        r.issuerArn(),
        r.sessionName(),
        r.sourceIdentity(),
        r.invokedBy(),
        r.ip(),
        userAgent,
        r.resources(),
        r.bytesOut(),
        r.fields());
  }

  private static byte[] bytes(EventRecord r) {
    return RecordCodec.encode(r).getBytes(StandardCharsets.UTF_8);
  }

  private static EventRecord record(String id, Instant time, String resource) {
    return new EventRecord(
        id,
        time,
        "cloudtrail",
        "123456789012",
        "eu-central-1",
        "s3.amazonaws.com",
        "PutObject",
        false,
        null,
        "AssumedRole",
        "arn:aws:sts::123456789012:assumed-role/ci/GitHubActions",
        "ci",
        "ASIAEXAMPLE",
        "arn:aws:iam::123456789012:role/ci",
        "GitHubActions",
        null,
        null,
        "140.82.112.63",
        "aws-sdk-go-v2/1.32.4 ua/2.1 os/linux lang/go#1.23.2 \u00e9",
        List.of(resource, "arn:aws:s3:::a"),
        0,
        Map.of("requestParameters.bucketName", "a"));
  }
}
