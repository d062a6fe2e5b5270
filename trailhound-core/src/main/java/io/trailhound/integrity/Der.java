package io.trailhound.integrity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;

/**
 * The two DER encodings of an RSA public key, written by hand so that no dependency is needed.
 *
 * <p>{@code ListPublicKeys} returns a PKCS#1 {@code RSAPublicKey} ({@code SEQUENCE {modulus
 * INTEGER, publicExponent INTEGER}}); the JDK's {@code KeyFactory} reads only X.509 {@code
 * SubjectPublicKeyInfo}, which is that structure wrapped as {@code SEQUENCE {SEQUENCE {OID
 * rsaEncryption, NULL}, BIT STRING {0 unused bits, RSAPublicKey}}}. Wrapping is a fixed prefix plus
 * lengths, so we wrap rather than parse, and let {@code KeyFactory} do the validating parse.
 */
final class Der {

  /** {@code SEQUENCE {OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL}}. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private Der() {}

  /** PKCS#1 {@code RSAPublicKey} DER of a key. */
  static byte[] pkcs1(RSAPublicKey key) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    integer(body, key.getModulus());
    integer(body, key.getPublicExponent());
    return tagged(0x30, body.toByteArray());
  }

  /** X.509 {@code SubjectPublicKeyInfo} DER around a PKCS#1 {@code RSAPublicKey}. */
  static byte[] subjectPublicKeyInfo(byte[] pkcs1) {
    byte[] bitString = new byte[pkcs1.length + 1];
    System.arraycopy(pkcs1, 0, bitString, 1, pkcs1.length);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(tagged(0x03, bitString));
    return tagged(0x30, body.toByteArray());
  }

  private static void integer(ByteArrayOutputStream out, BigInteger value) {
    out.writeBytes(tagged(0x02, value.toByteArray()));
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((n >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
