package io.trailhound.cli;

/** A mistake in what the user asked for: reported in one line, exit code 2. */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }
}
