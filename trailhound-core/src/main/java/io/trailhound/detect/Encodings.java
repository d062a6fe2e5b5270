package io.trailhound.detect;

import io.trailhound.rule.sigma.FieldCondition;
import io.trailhound.rule.sigma.Modifier;
import io.trailhound.rule.sigma.SigmaString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The transforming modifiers, applied in rule order: windash, the UTF-16 encodings and base64 /
 * base64offset. Encodings work on the plain text (wildcards in an encoded value are plain
 * characters, since they cannot survive encoding).
 */
final class Encodings {

  private static final String DASHES = "-/\u2013\u2014\u2015";

  private Encodings() {}

  static List<SigmaString> apply(FieldCondition c, SigmaString value, int max) {
    List<SigmaString> current = List.of(value);
    boolean bytes = false;
    for (Modifier m : c.modifiers()) {
      List<SigmaString> next = new ArrayList<>();
      switch (m) {
        case WINDASH:
          current.forEach(s -> windash(s, next, max));
          break;
        case UTF16LE:
        case WIDE:
          current.forEach(s -> next.add(latin1(utf16(s.plain(), false, false))));
          bytes = true;
          break;
        case UTF16BE:
          current.forEach(s -> next.add(latin1(utf16(s.plain(), true, false))));
          bytes = true;
          break;
        case UTF16:
          current.forEach(s -> next.add(latin1(utf16(s.plain(), false, true))));
          bytes = true;
          break;
        case BASE64:
          for (SigmaString s : current) {
            next.add(SigmaString.literal(Base64.getEncoder().encodeToString(bytes(s, bytes))));
          }
          bytes = false;
          break;
        case BASE64OFFSET:
          for (SigmaString s : current) {
            base64offset(bytes(s, bytes), next);
          }
          bytes = false;
          break;
        default:
          next.addAll(current);
      }
      current = next;
    }
    return current;
  }

  private static byte[] bytes(SigmaString s, boolean latin1) {
    return s.plain().getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  private static SigmaString latin1(byte[] bytes) {
    return SigmaString.literal(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  private static byte[] utf16(String text, boolean bigEndian, boolean bom) {
    byte[] body = text.getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    if (!bom) {
      return body;
    }
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  /** The three shifted encodings, trimmed to the characters that do not depend on neighbours. */
  private static void base64offset(byte[] value, List<SigmaString> out) {
    int[] start = {0, 2, 3};
    int[] endTrim = {0, 3, 2};
    for (int i = 0; i < 3; i++) {
      byte[] shifted = new byte[value.length + i];
      java.util.Arrays.fill(shifted, 0, i, (byte) ' ');
      System.arraycopy(value, 0, shifted, i, value.length);
      String encoded = Base64.getEncoder().encodeToString(shifted);
      int end = encoded.length() - endTrim[(value.length + i) % 3];
      if (end > start[i]) {
        out.add(SigmaString.literal(encoded.substring(start[i], end)));
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Every variant with each dash that starts a flag (not after a word character, before one, as
   * pySigma's {@code \B[-/]\b}) replaced by each kind of dash.
   */
  private static void windash(SigmaString s, List<SigmaString> out, int max) {
    List<List<SigmaString.Part>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    char previous = ' ';
    for (SigmaString.Part part : s.parts()) {
      if (!(part instanceof SigmaString.Literal literal)) {
        variants.forEach(v -> v.add(part));
        previous = 'x';
        continue;
      }
      List<StringBuilder> texts = new ArrayList<>(List.of(new StringBuilder()));
      String text = literal.text();
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        boolean flag =
            DASHES.indexOf(ch) >= 0
                && !isWordChar(previous)
                && (i + 1 == text.length() || isWordChar(text.charAt(i + 1)));
        List<StringBuilder> grown = new ArrayList<>();
        for (StringBuilder t : texts) {
          if (flag && texts.size() * DASHES.length() <= max) {
            for (char dash : DASHES.toCharArray()) {
              grown.add(new StringBuilder(t).append(dash));
            }
          } else {
            grown.add(t.append(ch));
          }
        }
        texts = grown;
        previous = ch;
      }
      List<List<SigmaString.Part>> next = new ArrayList<>();
      for (List<SigmaString.Part> v : variants) {
        for (StringBuilder t : texts) {
          if (next.size() < max) {
            List<SigmaString.Part> copy = new ArrayList<>(v);
            copy.add(new SigmaString.Literal(t.toString()));
            next.add(copy);
          }
        }
      }
      variants = next;
    }
    variants.forEach(v -> out.add(new SigmaString(v)));
  }
}
