package io.trailhound.detect.baseline;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reduces a user agent to the family a person would name: {@code aws-cli/2.x}, {@code Boto3},
 * {@code aws-sdk-go-v2}, {@code Terraform}, {@code console}, {@code browser}. Versions beyond the
 * CLI's major one change too often to be behaviour.
 */
final class UserAgents {

  private static final int CACHE_LIMIT = 50_000;
  private static final int MAX_FAMILY = 40;
  private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

  private UserAgents() {}

  /** The family of {@code ua}, or null when there is none. */
  static String family(String ua) {
    if (ua == null || ua.isBlank()) {
      return null;
    }
    String cached = CACHE.get(ua);
    if (cached != null) {
      return cached;
    }
    String family = compute(ua.strip());
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(ua, family);
    return family;
  }

  private static String compute(String ua) {
    String lower = ua.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws-cli/")) {
      int dot = lower.indexOf('.', 8);
      return dot > 8 ? "aws-cli/" + lower.substring(8, dot) + ".x" : "aws-cli";
    }
    if (lower.startsWith("boto3/")) {
      return "Boto3";
    }
    if (lower.contains("terraform")) {
      return "Terraform";
    }
    if (lower.equals("signin.amazonaws.com")
        || lower.equals("console.amazonaws.com")
        || lower.startsWith("aws-internal")
        || lower.contains("console.aws.amazon.com")) {
      return "console";
    }
    if (lower.startsWith("mozilla/")) {
      return "browser";
    }
    if (lower.endsWith(".amazonaws.com") || lower.equals("aws internal")) {
      return "aws-service";
    }
    int end = 0;
    while (end < ua.length() && end < MAX_FAMILY) {
      char c = ua.charAt(end);
      if (c == '/' || c == ' ' || c == '(' || c == ',' || c == ';') {
        break;
      }
      end++;
    }
    return end == 0 ? "other" : ua.substring(0, end);
  }
}
