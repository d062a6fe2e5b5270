package io.trailhound.source.cloudtrail.digest;

/** How a digest's own signature fared. */
enum SignatureStatus {
  VERIFIED,
  INVALID,
  KEY_UNKNOWN,
  MISSING,
  UNREADABLE
}
