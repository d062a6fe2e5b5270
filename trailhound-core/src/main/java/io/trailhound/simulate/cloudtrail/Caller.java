package io.trailhound.simulate.cloudtrail;

/**
 * Who calls and from where: identity, source address and user agent. {@code console} marks console
 * sessions (user agent {@code AWS Internal}, {@code sessionCredentialFromConsole}).
 */
public record Caller(Identity identity, String ip, String userAgent, boolean console) {

  public Caller with(Identity other) {
    return new Caller(other, ip, userAgent, console);
  }
}
