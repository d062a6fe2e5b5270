package io.trailhound.integrity;

/** How a digest's own signature fared. */
enum SignatureStatus {
  VERIFIED,
  INVALID,
  KEY_UNKNOWN,
  MISSING,
  UNREADABLE
}
