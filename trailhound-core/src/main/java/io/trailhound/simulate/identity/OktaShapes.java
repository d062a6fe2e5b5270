package io.trailhound.simulate.identity;

import com.fasterxml.jackson.core.JsonFactory;
import io.trailhound.simulate.org.Person;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Okta System Log {@code LogEvent}s of a sign-in, in the shape {@code /api/v1/logs} returns. */
final class OktaShapes {

  /** One serialised event; {@code id} is its {@code uuid}. */
  record Record(Instant time, String id, String json) {}

  /**
   * Where a request came from: the person's own browser at home, or someone else's. {@code asOrg}
   * null writes the short security context background sign-ins carry.
   */
  record Client(String ip, String userAgent, String country, Integer asNumber, String asOrg) {
    static Client of(Person p) {
      return new Client(p.homeIp(), p.browser(), p.country(), null, null);
    }
  }

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);
  private static final char[] ID =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final SplittableRandom random;
  private final JsonFactory json;

  OktaShapes(SplittableRandom random, JsonFactory json) {
    this.random = random;
    this.json = json;
  }

  /**
   * Session start, MFA push, SSO to the AWS app from {@code t}; a rejected push first when {@code
   * mfaFailure}.
   */
  List<Record> signIn(Person p, Instant t, boolean mfaFailure) {
    String session = "102" + id(22);
    List<Record> out = new ArrayList<>();
    Instant at = t;
    if (mfaFailure) {
      out.add(
          event(
              p,
              at,
              "user.authentication.auth_via_mfa",
              "FAILURE",
              "INVALID_CREDENTIALS",
              session,
              "Authentication of user via MFA",
              null));
      at = at.plusSeconds(20 + random.nextInt(40));
    }
    out.add(
        event(p, at, "user.session.start", "SUCCESS", null, session, "User login to Okta", null));
    at = at.plusSeconds(3 + random.nextInt(10));
    out.add(
        event(
            p,
            at,
            "user.authentication.auth_via_mfa",
            "SUCCESS",
            null,
            session,
            "Authentication of user via MFA",
            null));
    at = at.plusSeconds(5 + random.nextInt(30));
    out.add(
        event(
            p,
            at,
            "user.authentication.sso",
            "SUCCESS",
            null,
            session,
            "User single sign on to app",
            IdentityLogs.AWS_APP));
    return out;
  }

  private Record event(
      Person p,
      Instant t,
      String type,
      String result,
      String reason,
      String session,
      String message,
      String app) {
    return event(p, Client.of(p), t, type, result, reason, session, message, app);
  }

  /** One System Log event of {@code p}'s account, made from {@code c}. */
  Record event(
      Person p,
      Client c,
      Instant t,
      String type,
      String result,
      String reason,
      String session,
      String message,
      String app) {
    String uuid = uuid();
    String body =
        IdentityLogs.render(
            json,
            g -> {
              g.writeStartObject();
              g.writeObjectFieldStart("actor");
              g.writeStringField("id", userId(p));
              g.writeStringField("type", "User");
              g.writeStringField("alternateId", IdentityLogs.email(p));
              g.writeStringField("displayName", displayName(p));
              g.writeEndObject();
              g.writeObjectFieldStart("client");
              g.writeObjectFieldStart("userAgent");
              g.writeStringField("rawUserAgent", c.userAgent());
              g.writeStringField(
                  "os",
                  c.userAgent().contains("Macintosh")
                      ? "Mac OS X"
                      : c.userAgent().contains("Linux") ? "Linux" : "Windows");
              g.writeStringField(
                  "browser", c.userAgent().contains("Firefox") ? "FIREFOX" : "CHROME");
              g.writeEndObject();
              g.writeStringField("zone", "null");
              g.writeStringField("device", "Computer");
              g.writeStringField("ipAddress", c.ip());
              g.writeObjectFieldStart("geographicalContext");
              g.writeStringField("country", c.country());
              g.writeEndObject();
              g.writeEndObject();
              g.writeObjectFieldStart("authenticationContext");
              g.writeStringField(
                  "credentialType",
                  type.contains("mfa") || type.contains("push") ? "OTP" : "PASSWORD");
              g.writeNumberField("authenticationStep", 0);
              g.writeStringField("rootSessionId", session);
              g.writeStringField("externalSessionId", session);
              g.writeEndObject();
              g.writeStringField("displayMessage", message);
              g.writeStringField("eventType", type);
              g.writeObjectFieldStart("outcome");
              g.writeStringField("result", result);
              g.writeStringField("reason", reason);
              g.writeEndObject();
              g.writeStringField("published", MILLIS.format(t.plusMillis(random.nextInt(1000))));
              g.writeObjectFieldStart("securityContext");
              if (c.asOrg() != null) {
                g.writeNumberField("asNumber", c.asNumber());
                g.writeStringField("asOrg", c.asOrg());
                g.writeStringField("isp", c.asOrg());
              }
              g.writeBooleanField("isProxy", false);
              g.writeEndObject();
              g.writeStringField("severity", "FAILURE".equals(result) ? "WARN" : "INFO");
              g.writeObjectFieldStart("debugContext");
              g.writeObjectFieldStart("debugData");
              g.writeStringField("requestId", id(27));
              g.writeEndObject();
              g.writeEndObject();
              g.writeStringField("uuid", uuid);
              g.writeStringField("version", "0");
              if (app != null) {
                g.writeArrayFieldStart("target");
                g.writeStartObject();
                g.writeStringField("id", "0oa" + hashId("aws-app", 17));
                g.writeStringField("type", "AppInstance");
                g.writeStringField("alternateId", app);
                g.writeStringField("displayName", app);
                g.writeEndObject();
                g.writeEndArray();
              }
              g.writeEndObject();
            });
    return new Record(t, uuid, body);
  }

  static String userId(Person p) {
    return "00u" + hashId(p.name(), 17);
  }

  static String displayName(Person p) {
    return Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1);
  }

  private static String hashId(String key, int n) {
    SplittableRandom r = new SplittableRandom(key.hashCode());
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = ID[r.nextInt(ID.length)];
    }
    return new String(c);
  }

  String id(int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = ID[random.nextInt(ID.length)];
    }
    return new String(c);
  }

  private String uuid() {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return UUID.nameUUIDFromBytes(b).toString();
  }

  static String uuidOf(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
