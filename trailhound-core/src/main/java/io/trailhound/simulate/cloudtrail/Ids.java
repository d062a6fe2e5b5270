package io.trailhound.simulate.cloudtrail;

import java.util.SplittableRandom;

/** Identifiers that look like AWS's, drawn from one seeded random source. */
public final class Ids {

  private static final char[] UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final char[] KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SplittableRandom random;

  public Ids(SplittableRandom random) {
    this.random = random;
  }

  public SplittableRandom random() {
    return random;
  }

  /** A version-4 UUID from the seeded source. */
  public String uuid() {
    long hi = random.nextLong();
    long lo = random.nextLong();
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    char[] c = new char[36];
    int p = 0;
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        c[p++] = '-';
      }
      long word = i < 16 ? hi : lo;
      int shift = 60 - 4 * (i % 16);
      c[p++] = HEX[(int) ((word >>> shift) & 0xF)];
    }
    return new String(c);
  }

  public String upper(int n) {
    return pick(UPPER_DIGITS, n);
  }

  public String hex(int n) {
    return pick(HEX, n);
  }

  /** An access key id: {@code AKIA} (long-term) or {@code ASIA} (session) + 16 characters. */
  public String accessKey(String prefix) {
    return prefix + pick(KEY, 16);
  }

  /** A unique id with an IAM prefix ({@code AIDA}, {@code AROA}) + 17 characters. */
  public String principalId(String prefix) {
    return prefix + pick(KEY, 17);
  }

  public String secret() {
    return pick(BASE64, 40);
  }

  /** S3's {@code x-amz-id-2}. */
  public String amzId2() {
    return pick(BASE64, 76) + "=";
  }

  public String resourceId(String prefix) {
    return prefix + "-0" + hex(16);
  }

  private String pick(char[] alphabet, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(c);
  }
}
