package io.trailhound.integrity;

import java.nio.file.Path;

/**
 * A digest read from disk with what verification needs around it.
 *
 * @param path the file
 * @param display path relative to the root
 * @param name what its file name says (or, failing that, its {@code digestS3Object})
 * @param file the parsed content
 * @param sha256 hex SHA-256 of the uncompressed content
 * @param signature hex signature from the sidecar, or null when there is none
 */
record LoadedDigest(
    Path path,
    String display,
    Names.DigestName name,
    DigestFile file,
    String sha256,
    String signature) {

  /** The chain a digest belongs to: account, region, trail and home region. */
  String chain() {
    return String.join("|", name.account(), name.region(), name.trail(), name.homeRegion());
  }
}
