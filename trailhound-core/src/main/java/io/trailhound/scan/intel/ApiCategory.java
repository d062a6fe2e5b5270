package io.trailhound.scan.intel;

import io.trailhound.event.EventView;
import java.util.Set;

/**
 * What kind of call an event is, as GuardDuty's caller-IP finding families split them: IAM-family
 * types for every service but S3, split into reconnaissance and the rest; S3 types split into
 * discovery, data reads and writes or deletes.
 */
enum ApiCategory {
  /** Describe, Get and List calls outside S3: reconnaissance. */
  RECON,
  /** Any other call outside S3. */
  OTHER,
  /** S3 calls that read configuration or list: discovery. */
  S3_DISCOVERY,
  /** S3 calls that read object data: exfiltration. */
  S3_READ,
  /** S3 calls that write, delete or change: impact. */
  S3_WRITE;

  /** The S3 calls that move object data out. */
  private static final Set<String> S3_DATA_READS =
      Set.of(
          "GetObject",
          "GetObjectVersion",
          "GetObjectTorrent",
          "SelectObjectContent",
          "CopyObject",
          "UploadPartCopy",
          "RestoreObject");

  private static final String[] READ_PREFIXES = {
    "Describe", "Get", "List", "Head", "BatchGet", "Search", "Lookup"
  };

  static ApiCategory of(EventView view) {
    String api = view.api() == null ? "" : view.api();
    boolean read = Boolean.TRUE.equals(view.readOnly()) || hasReadPrefix(api);
    if ("s3.amazonaws.com".equals(view.service())) {
      if (S3_DATA_READS.contains(api)) {
        return S3_READ;
      }
      return read && !Boolean.FALSE.equals(view.readOnly()) ? S3_DISCOVERY : S3_WRITE;
    }
    return hasReadPrefix(api) && !Boolean.FALSE.equals(view.readOnly()) ? RECON : OTHER;
  }

  boolean s3() {
    return this == S3_DISCOVERY || this == S3_READ || this == S3_WRITE;
  }

  private static boolean hasReadPrefix(String api) {
    for (String p : READ_PREFIXES) {
      if (api.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
