package io.trailhound.integrity;

/** A public-key file that cannot be used; the message names the file and the reason. */
public final class KeyLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KeyLoadException(String message) {
    super(message);
  }

  KeyLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
