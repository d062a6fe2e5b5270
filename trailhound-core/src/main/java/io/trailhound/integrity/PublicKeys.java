package io.trailhound.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA public keys digests are checked against, by fingerprint.
 *
 * <p><b>Fingerprints.</b> A digest names its key by {@code digestPublicKeyFingerprint}, 32 hex
 * digits: an MD5 hash. AWS does not document which encoding of the key it hashes. Keys read from
 * {@code ListPublicKeys} JSON are filed under the {@code Fingerprint} AWS gives, which is
 * authoritative. For keys given as PEM, Trailhound's fingerprint is {@link #fingerprint}:
 * lower-case hex MD5 of the PKCS#1 {@code RSAPublicKey} DER, the very bytes {@code ListPublicKeys}
 * returns as {@code Value}; {@link DigestWriter} writes that. A PEM key also answers to the MD5 of
 * its X.509 {@code SubjectPublicKeyInfo} DER, so either reading of AWS's convention finds it.
 */
public final class PublicKeys {

  private static final Pattern PEM =
      Pattern.compile(
          "-----BEGIN (RSA )?PUBLIC KEY-----([A-Za-z0-9+/=\\s]*)-----END (RSA )?PUBLIC KEY-----");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One key.
   *
   * @param fingerprint the fingerprint it is filed under
   * @param key the key
   * @param validFrom start of validity from {@code ListPublicKeys}, or null
   * @param validTo end of validity from {@code ListPublicKeys}, or null
   * @param source the file it came from, or a label
   */
  public record Entry(
      String fingerprint, RSAPublicKey key, Instant validFrom, Instant validTo, String source) {}

  private final Map<String, Entry> byFingerprint;

  private PublicKeys(Map<String, Entry> byFingerprint) {
    this.byFingerprint = Map.copyOf(byFingerprint);
  }

  /** Keys given directly, filed under {@link #fingerprint} (and the X.509 alias). */
  public static PublicKeys of(RSAPublicKey... keys) {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (RSAPublicKey k : keys) {
      addPem(map, k, "given");
    }
    return new PublicKeys(map);
  }

  /**
   * Reads PEM ({@code BEGIN PUBLIC KEY} or {@code BEGIN RSA PUBLIC KEY}, several per file allowed)
   * or {@code aws cloudtrail list-public-keys} JSON, told apart by content.
   *
   * @throws KeyLoadException naming the file when one cannot be read or holds no key
   */
  public static PublicKeys load(List<Path> files) {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | UncheckedIOException e) {
        throw new KeyLoadException(file + ": cannot read: " + e.getMessage(), e);
      }
      int before = map.size();
      if (text.stripLeading().startsWith("{")) {
        readListPublicKeys(map, text, file.toString());
      } else {
        readPem(map, text, file.toString());
      }
      if (map.size() == before) {
        throw new KeyLoadException(
            file + ": no public key found (expected PEM or ListPublicKeys JSON)");
      }
    }
    return new PublicKeys(map);
  }

  /** The key filed under {@code fingerprint} (compared case-insensitively). */
  public Optional<Entry> find(String fingerprint) {
    return fingerprint == null
        ? Optional.empty()
        : Optional.ofNullable(byFingerprint.get(normal(fingerprint)));
  }

  /** Distinct keys held. */
  public int size() {
    return (int) byFingerprint.values().stream().map(Entry::key).distinct().count();
  }

  /** Trailhound's fingerprint of a key: lower-case hex MD5 of its PKCS#1 DER. */
  public static String fingerprint(RSAPublicKey key) {
    return Hashes.md5Hex(Der.pkcs1(key));
  }

  /** The key as PEM {@code BEGIN PUBLIC KEY} (X.509), the form {@code openssl} writes. */
  public static String toPem(RSAPublicKey key) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The key as {@code aws cloudtrail list-public-keys} prints it: {@code Value} is base64 PKCS#1
   * DER, {@code Fingerprint} is {@link #fingerprint}.
   */
  public static String toListPublicKeysJson(RSAPublicKey key, Instant validFrom, Instant validTo) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("PublicKeyList");
      g.writeStartObject();
      g.writeStringField("Value", Base64.getEncoder().encodeToString(Der.pkcs1(key)));
      g.writeStringField("ValidityStartTime", validFrom.toString());
      g.writeStringField("ValidityEndTime", validTo.toString());
      g.writeStringField("Fingerprint", fingerprint(key));
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** Reads a PKCS#1 {@code RSAPublicKey} DER by wrapping it into X.509 (see {@link Der}). */
  static RSAPublicKey fromPkcs1(byte[] der) throws GeneralSecurityException {
    return fromX509(Der.subjectPublicKeyInfo(der));
  }

  static RSAPublicKey fromX509(byte[] der) throws GeneralSecurityException {
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    return (RSAPublicKey) key;
  }

  private static void readPem(Map<String, Entry> map, String text, String source) {
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      boolean pkcs1 = m.group(1) != null;
      try {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        addPem(map, pkcs1 ? fromPkcs1(der) : fromX509(der), source);
      } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
        throw new KeyLoadException(source + ": not an RSA public key: " + e.getMessage(), e);
      }
    }
  }

  private static void readListPublicKeys(Map<String, Entry> map, String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new KeyLoadException(
          source + ": invalid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    JsonNode list = root == null ? null : root.get("PublicKeyList");
    if (list == null || !list.isArray()) {
      throw new KeyLoadException(source + ": JSON without a PublicKeyList array");
    }
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      try {
        RSAPublicKey key = fromPkcs1(Base64.getMimeDecoder().decode(item.path("Value").asText()));
        String fp = item.path("Fingerprint").asText(null);
        Entry e =
            new Entry(
                fp == null ? fingerprint(key) : normal(fp),
                key,
                time(item.get("ValidityStartTime")),
                time(item.get("ValidityEndTime")),
                source);
        map.put(e.fingerprint(), e);
      } catch (GeneralSecurityException | RuntimeException e) {
        errors.add("PublicKeyList[" + i + "]: " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new KeyLoadException(source + ": " + String.join("; ", errors));
    }
  }

  /** The CLI prints times as ISO text; the raw API returns epoch seconds. Both are accepted. */
  private static Instant time(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return Instant.ofEpochMilli((long) (node.asDouble() * 1000));
    }
    try {
      return java.time.OffsetDateTime.parse(node.asText()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static void addPem(Map<String, Entry> map, RSAPublicKey key, String source) {
    Entry primary = new Entry(fingerprint(key), key, null, null, source);
    map.put(primary.fingerprint(), primary);
    String alias = Hashes.md5Hex(key.getEncoded());
    map.putIfAbsent(alias, new Entry(alias, key, null, null, source));
  }

  private static String normal(String fingerprint) {
    return fingerprint.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
