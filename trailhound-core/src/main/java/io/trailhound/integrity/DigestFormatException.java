package io.trailhound.integrity;

/** A digest file that is not well-formed; the message says why. */
final class DigestFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  DigestFormatException(String message) {
    super(message);
  }
}
