package io.trailhound.investigate;

/**
 * A response step planned (never executed here).
 *
 * @param action {@code disable-access-key}, {@code revoke-role-sessions}, {@code delete-user}, ...
 * @param target what to act on
 * @param reason why, in words
 * @param command the AWS CLI command an operator would run (for reading, not executed)
 */
public record ResponseAction(String action, String target, String reason, String command) {}
