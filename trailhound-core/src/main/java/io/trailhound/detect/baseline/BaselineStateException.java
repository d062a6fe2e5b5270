package io.trailhound.detect.baseline;

/** A state file that cannot be used: not Trailhound's, another version, or damaged. */
public final class BaselineStateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BaselineStateException(String message) {
    super(message);
  }

  public BaselineStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
