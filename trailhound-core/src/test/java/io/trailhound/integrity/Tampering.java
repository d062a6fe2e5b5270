package io.trailhound.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/** What an attacker with write access to the bucket does to the files. */
final class Tampering {

  private Tampering() {}

  /** Changes one record of a gzipped log file. */
  static void editRecord(Path log) throws IOException {
    ObjectNode tree = (ObjectNode) TestTrail.readGzipJson(log);
    ((ObjectNode) tree.get("Records").get(0)).put("sourceIPAddress", "203.0.113.66");
    TestTrail.writeGzipJson(log, tree);
  }

  /** Edits a digest's JSON and leaves its signature as it was. */
  static void editDigest(Path digest, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode tree = (ObjectNode) TestTrail.readGzipJson(digest);
    edit.accept(tree);
    TestTrail.writeGzipJson(digest, tree);
  }

  /** Edits a digest's JSON and signs it again with {@code key}, writing a new sidecar. */
  static void reSign(Path digest, PrivateKey key, Consumer<ObjectNode> edit)
      throws IOException, GeneralSecurityException, DigestFormatException {
    ObjectNode tree = (ObjectNode) TestTrail.readGzipJson(digest);
    edit.accept(tree);
    byte[] json = TestTrail.JSON.writeValueAsBytes(tree);
    DigestFile parsed = DigestParser.parse(json);
    String toSign = Signatures.signingString(parsed, Hashes.sha256Hex(json));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(digest))) {
      out.write(json);
    }
    Files.writeString(
        sidecar(digest), Hashes.hex(Signatures.sign(key, toSign)), StandardCharsets.US_ASCII);
  }

  static Path sidecar(Path digest) {
    return digest.resolveSibling(digest.getFileName() + ".sig");
  }
}
