package io.trailhound.detect.network;

import java.util.Set;

/** Domain-name arithmetic for the DNS detectors: registrable domain, entropy, DGA-likeness. */
final class Domains {

  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob", "mil");

  private Domains() {}

  /**
   * The registrable domain: the last two labels, or three under common second-level public suffixes
   * ({@code example.co.uk}). An approximation of the public suffix list that is right for the names
   * detectors care about.
   */
  static String registrable(String name) {
    int last = name.lastIndexOf('.');
    if (last <= 0) {
      return name;
    }
    int second = name.lastIndexOf('.', last - 1);
    if (second < 0) {
      return name;
    }
    String sld = name.substring(second + 1, last);
    if (name.length() - last - 1 == 2 && SECOND_LEVEL.contains(sld)) {
      int third = name.lastIndexOf('.', second - 1);
      return name.substring(third + 1);
    }
    return name.substring(second + 1);
  }

  /** The label just left of the public suffix ({@code example} in {@code a.example.co.uk}). */
  static String mainLabel(String name) {
    String reg = registrable(name);
    int dot = reg.indexOf('.');
    return dot < 0 ? reg : reg.substring(0, dot);
  }

  /** The part before the registrable domain, without its trailing dot; empty when none. */
  static String subdomain(String name) {
    String reg = registrable(name);
    return name.length() > reg.length() + 1
        ? name.substring(0, name.length() - reg.length() - 1)
        : "";
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    double n = s.length();
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = other / n;
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  /**
   * True when a label looks machine-generated: long, high in entropy and unpronounceable (few
   * vowels, long consonant runs, or digits mixed into letters).
   */
  static boolean dgaLike(String label) {
    int n = label.length();
    if (n < 10) {
      return false;
    }
    int vowels = 0;
    int digits = 0;
    int run = 0;
    int maxRun = 0;
    for (int i = 0; i < n; i++) {
      char c = label.charAt(i);
      boolean vowel = "aeiouy".indexOf(c) >= 0;
      boolean digit = c >= '0' && c <= '9';
      vowels += vowel ? 1 : 0;
      digits += digit ? 1 : 0;
      run = !vowel && !digit && c != '-' ? run + 1 : 0;
      maxRun = Math.max(maxRun, run);
    }
    double h = entropy(label);
    double v = (double) vowels / n;
    double d = (double) digits / n;
    return (h >= 3.0 && (v < 0.2 || maxRun >= 5 || (d > 0.15 && d < 0.6)))
        || (h >= 3.6 && n >= 12 && v < 0.3);
  }

  /** True for a label that carries encoded data: long and random-looking. */
  static boolean encodedLabel(String label, int minLength, double minEntropy) {
    // Hostnames people make are words joined by dashes; encodings (hex, base32, base64url) use
    // at most one dash by chance.
    return label.length() >= minLength
        && label.chars().filter(c -> c == '-').count() <= 1
        && entropy(label) >= minEntropy;
  }
}
