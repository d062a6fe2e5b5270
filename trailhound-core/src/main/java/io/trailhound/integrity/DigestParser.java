package io.trailhound.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Parses digest JSON into a {@link DigestFile}, naming the first thing that is wrong. */
final class DigestParser {

  /** Digests are flat: a shallow nesting limit keeps hostile input cheap. */
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).build())
                  .build())
          .build();

  private DigestParser() {}

  static DigestFile parse(byte[] json) throws DigestFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new DigestFormatException("invalid JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new DigestFormatException("not a JSON object");
    }
    JsonNode files = root.get("logFiles");
    if (files == null || !files.isArray()) {
      throw new DigestFormatException("missing field logFiles");
    }
    List<DigestFile.LogFile> logFiles = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      JsonNode f = files.get(i);
      String where = "logFiles[" + i + "].";
      logFiles.add(
          new DigestFile.LogFile(
              optional(f, "s3Bucket"),
              required(f, "s3Object", where),
              required(f, "hashValue", where),
              optional(f, "hashAlgorithm"),
              time(f, "newestEventTime", where, false),
              time(f, "oldestEventTime", where, false)));
    }
    return new DigestFile(
        required(root, "awsAccountId", ""),
        time(root, "digestStartTime", "", true),
        time(root, "digestEndTime", "", true),
        required(root, "digestEndTime", ""),
        required(root, "digestS3Bucket", ""),
        required(root, "digestS3Object", ""),
        required(root, "digestPublicKeyFingerprint", ""),
        required(root, "digestSignatureAlgorithm", ""),
        optional(root, "previousDigestS3Bucket"),
        optional(root, "previousDigestS3Object"),
        optional(root, "previousDigestHashValue"),
        optional(root, "previousDigestSignature"),
        logFiles);
  }

  private static String required(JsonNode node, String field, String where)
      throws DigestFormatException {
    String v = optional(node, field);
    if (v == null) {
      throw new DigestFormatException("missing field " + where + field);
    }
    return v;
  }

  private static String optional(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  private static Instant time(JsonNode node, String field, String where, boolean required)
      throws DigestFormatException {
    String text = required ? required(node, field, where) : optional(node, field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new DigestFormatException("field " + where + field + " is not a time: " + text);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
