package io.trailhound.store;

/**
 * The store's one unchecked exception: a file that is not a Trailhound store, a schema written by a
 * newer version, a rejected query, a failed write. Its message is meant for the user as it is.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
