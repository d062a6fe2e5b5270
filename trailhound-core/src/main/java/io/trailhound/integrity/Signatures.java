package io.trailhound.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** The digest signing string and SHA256withRSA over it (formats.md §1.4). */
final class Signatures {

  static final String ALGORITHM = "SHA256withRSA";

  private Signatures() {}

  /**
   * {@code digestEndTime \n bucket/object \n hex(SHA-256 of the uncompressed digest) \n
   * previousDigestSignature}; a starting digest has no previous signature and uses the text {@code
   * null}, as AWS's own validator does.
   */
  static String signingString(DigestFile d, String digestSha256Hex) {
    return d.digestEndTimeText()
        + "\n"
        + d.digestS3Bucket()
        + "/"
        + d.digestS3Object()
        + "\n"
        + digestSha256Hex
        + "\n"
        + (d.previousDigestSignature() == null ? "null" : d.previousDigestSignature());
  }

  static byte[] sign(PrivateKey key, String signingString) throws GeneralSecurityException {
    Signature s = Signature.getInstance(ALGORITHM);
    s.initSign(key);
    s.update(signingString.getBytes(StandardCharsets.UTF_8));
    return s.sign();
  }

  static boolean verify(PublicKey key, String signingString, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(signingString.getBytes(StandardCharsets.UTF_8));
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
