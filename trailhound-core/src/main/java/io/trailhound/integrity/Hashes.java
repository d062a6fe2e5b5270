package io.trailhound.integrity;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** SHA-256 and MD5 over bytes and over files, reading gzip (by magic bytes) transparently. */
final class Hashes {

  private static final HexFormat HEX = HexFormat.of();

  private Hashes() {}

  static MessageDigest sha256() {
    return algorithm("SHA-256");
  }

  static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(sha256().digest(bytes));
  }

  static String md5Hex(byte[] bytes) {
    return HEX.formatHex(algorithm("MD5").digest(bytes));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Parses lower- or upper-case hex.
   *
   * @throws IllegalArgumentException when the text is not hex
   */
  static byte[] unhex(String text) {
    return HEX.parseHex(text.strip());
  }

  /**
   * SHA-256 of the uncompressed content of a file, streamed: gzip is recognised by its magic bytes,
   * never by the file name, as everywhere else in Trailhound.
   *
   * @throws IOException when the file cannot be read or its gzip stream is damaged
   */
  static String sha256OfUncompressed(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = uncompressed(file)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        md.update(buffer, 0, n);
      }
    }
    return HEX.formatHex(md.digest());
  }

  /**
   * The uncompressed content of a small file, refusing more than {@code limit} bytes.
   *
   * @throws TooLargeException when the content exceeds the limit
   */
  static byte[] readUncompressed(Path file, long limit) throws IOException {
    try (InputStream in = uncompressed(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new TooLargeException(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** An input stream over the uncompressed bytes of a file, gzipped or not. */
  static InputStream uncompressed(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    try {
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new GZIPInputStream(in, 64 * 1024);
      }
      return in;
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private static MessageDigest algorithm(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(name + " is required of every Java platform", e);
    }
  }

  /** Content over the size limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("larger than the limit of " + limit + " bytes");
    }
  }
}
