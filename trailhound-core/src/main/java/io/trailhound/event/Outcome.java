package io.trailhound.event;

/**
 * Whether a call succeeded.
 *
 * @param success false when the source logged an error code or a failed sign-in
 * @param errorCode e.g. {@code AccessDenied}; null on success
 * @param errorMessage free text from the source; null on success
 */
public record Outcome(boolean success, String errorCode, String errorMessage) {

  public static final Outcome SUCCESS = new Outcome(true, null, null);
}
