package io.trailhound.intel;

import io.trailhound.enrich.IpAddress;
import java.util.Locale;

/** Reads one indicator's text: an address, a CIDR, a domain, or a URL (its host). */
final class Indicators {

  private Indicators() {}

  /** An address or network: {@code prefix} is the CIDR length, the full width for one address. */
  record Network(IpAddress base, int prefix) {}

  /** The address or CIDR in {@code text}, or null. */
  static Network network(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    if (slash < 0) {
      IpAddress ip = IpAddress.parse(t);
      return ip == null ? null : new Network(ip, ip.bits());
    }
    IpAddress ip = IpAddress.parse(t.substring(0, slash));
    String len = t.substring(slash + 1);
    if (ip == null
        || len.isEmpty()
        || len.length() > 3
        || !len.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int prefix = Integer.parseInt(len);
    boolean mapped = ip.v6() == false && t.indexOf(':') >= 0;
    if (mapped) {
      prefix -= 96; // ::ffff:192.0.2.0/120 is 192.0.2.0/24
    }
    return prefix < 0 || prefix > ip.bits() ? null : new Network(ip, prefix);
  }

  /**
   * The domain in {@code text} — a bare name, {@code *.name}, or the host of a URL — lower-cased
   * without a trailing dot; null unless it has at least two labels, a letter-led top-level label
   * and only letters, digits, hyphens and underscores.
   */
  static String domain(String text) {
    String t = text.strip();
    if (isUrl(t)) {
      t = urlHost(t);
    }
    if (t.startsWith("*.")) {
      t = t.substring(2);
    }
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    t = t.toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.length() > 253 || t.indexOf('.') < 0) {
      return null;
    }
    int labelStart = 0;
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : '.';
      if (c == '.') {
        if (i == labelStart || i - labelStart > 63) {
          return null;
        }
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return null;
      }
    }
    char tld = t.charAt(t.lastIndexOf('.') + 1);
    return tld >= 'a' && tld <= 'z' ? t : null;
  }

  /**
   * The host of a URL ({@code https://user@host:8443/path} → {@code host}; IPv6 without brackets).
   */
  static String urlHost(String url) {
    String t = url.strip();
    t = t.substring(t.indexOf("://") + 3);
    int end = t.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = t.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    t = t.substring(0, end);
    t = t.substring(t.lastIndexOf('@') + 1);
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      return close > 0 ? t.substring(1, close) : t;
    }
    int colon = t.lastIndexOf(':');
    return colon >= 0 ? t.substring(0, colon) : t;
  }

  /** Whether {@code text} is a URL (so a list entry names its host). */
  static boolean isUrl(String text) {
    return text.strip().indexOf("://") > 0;
  }
}
