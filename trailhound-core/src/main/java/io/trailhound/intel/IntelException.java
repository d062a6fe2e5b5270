package io.trailhound.intel;

/**
 * A list that cannot be read at all (missing file, bad specification); bad entries are not this.
 */
public final class IntelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IntelException(String message, Throwable cause) {
    super(message, cause);
  }

  public IntelException(String message) {
    super(message);
  }
}
