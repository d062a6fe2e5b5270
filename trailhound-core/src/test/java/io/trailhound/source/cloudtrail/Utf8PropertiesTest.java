package io.trailhound.source.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time validator finds the same first invalid byte as a byte-at-a-time one. */
class Utf8PropertiesTest {

  @Property(tries = 3000)
  void agrees_with_the_byte_at_a_time_reference(@ForAll("mostlyAscii") byte[] bytes) {
    int expected = reference(bytes);
    assertThat(Utf8.firstInvalid(bytes)).isEqualTo(expected);
    assertThat(expected < 0).isEqualTo(decodes(bytes));
  }

  @Provide
  Arbitrary<byte[]> mostlyAscii() {
    Arbitrary<byte[]> ascii =
        Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e).array(byte[].class).ofMaxSize(40);
    Arbitrary<byte[]> pieces =
        Arbitraries.of(
                new byte[] {(byte) 0xC3, (byte) 0xA9},
                new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC},
                new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xFF})
            .injectDuplicates(0.1);
    return Arbitraries.oneOf(ascii, pieces)
        .list()
        .ofMaxSize(6)
        .map(
            parts -> {
              int n = parts.stream().mapToInt(p -> p.length).sum();
              ByteBuffer b = ByteBuffer.allocate(n);
              parts.forEach(b::put);
              return b.array();
            });
  }

  private static boolean decodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The validator as it was before the ASCII fast path. */
  private static int reference(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + need >= n) {
        return i;
      }
      int cp = c & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xC0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i;
      }
      i += need + 1;
    }
    return -1;
  }
}
