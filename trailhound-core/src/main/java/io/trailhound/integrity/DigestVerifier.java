package io.trailhound.integrity;

import io.trailhound.source.Workers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * CloudTrail log-file integrity validation, offline, over a downloaded {@code AWSLogs} tree (the
 * rules are in the package javadoc). Bad input never throws: every corrupt, truncated, oversized or
 * incomplete digest is a {@link Problem}. Stateless and thread-safe; log files are hashed on a pool
 * of named threads.
 */
public final class DigestVerifier {

  /** Digests are kilobytes; a generous cap keeps a hostile file from exhausting memory. */
  public static final long DEFAULT_MAX_DIGEST_BYTES = 64L * 1024 * 1024;

  private static final long MAX_SIGNATURE_BYTES = 64 * 1024;

  private final PublicKeys keys;
  private final long maxDigestBytes;
  private final int threads;

  /** A verifier with the default digest size limit, hashing on as many threads as cores. */
  public DigestVerifier(PublicKeys keys) {
    this(keys, DEFAULT_MAX_DIGEST_BYTES, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param keys the public keys digests may be signed with
   * @param maxDigestBytes largest uncompressed digest read; a bigger one is a problem
   * @param threads threads hashing log files
   */
  public DigestVerifier(PublicKeys keys, long maxDigestBytes, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.keys = Objects.requireNonNull(keys, "keys");
    this.maxDigestBytes = maxDigestBytes;
    this.threads = threads;
  }

  /**
   * True when the folder holds at least one digest file, so a caller such as {@code scan} knows to
   * verify it.
   */
  public static boolean hasDigests(Path root) throws IOException {
    return !LocalTree.scan(root).digests.isEmpty();
  }

  /**
   * Verifies every digest under {@code root} and every log file they list.
   *
   * @throws IOException only when {@code root} itself cannot be walked
   */
  public VerificationReport verify(Path root) throws IOException {
    LocalTree tree = LocalTree.scan(root);
    Run run = new Run(tree);
    List<LoadedDigest> loaded = new ArrayList<>();
    for (Path p : tree.digests) {
      load(run, p).ifPresent(loaded::add);
    }
    Map<String, SignatureStatus> signed = new HashMap<>();
    for (LoadedDigest d : loaded) {
      signed.put(LocalTree.key(d.path()), checkSignature(run, d));
    }
    Map<String, List<LoadedDigest>> chains = new HashMap<>();
    for (LoadedDigest d : loaded) {
      chains.computeIfAbsent(d.chain(), k -> new ArrayList<>()).add(d);
    }
    Map<String, LoadedDigest> byKey = new HashMap<>();
    loaded.forEach(d -> byKey.put(LocalTree.key(d.path()), d));
    for (Path p : tree.digests) {
      signed.putIfAbsent(LocalTree.key(p), SignatureStatus.UNREADABLE);
    }
    chains.keySet().stream()
        .sorted()
        .forEach(c -> DigestChain.check(run, chains.get(c), byKey, signed));
    Set<Path> listed = new HashSet<>();
    checkLogFiles(run, loaded, listed);
    new UnlistedLogFiles(tree, loaded).check(listed, run);
    return run.report();
  }

  private Optional<LoadedDigest> load(Run run, Path path) {
    String display = run.tree.display(path);
    Optional<Names.DigestName> fromPath = Names.digest(display);
    try {
      byte[] bytes = Hashes.readUncompressed(path, maxDigestBytes);
      DigestFile file = DigestParser.parse(bytes);
      Names.DigestName name =
          fromPath
              .or(() -> Names.digest(file.digestS3Object()))
              .orElse(
                  new Names.DigestName(
                      file.awsAccountId(), "unknown", "unknown", "unknown", file.digestEndTime()));
      return Optional.of(
          new LoadedDigest(
              path, display, name, file, Hashes.sha256Hex(bytes), readSignature(path)));
    } catch (IOException | DigestFormatException | RuntimeException e) {
      run.problem(
          ProblemKind.DIGEST_UNREADABLE,
          display,
          fromPath.orElse(null),
          fromPath.isPresent() ? null : modified(path),
          reason(e));
      return Optional.empty();
    }
  }

  /** When a digest's name gives no time, its modification time places the problem in time. */
  private static Instant modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return null;
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e instanceof DigestFormatException || e instanceof Hashes.TooLargeException
        ? message
        : "cannot read: " + message;
  }

  private static String readSignature(Path digest) {
    Path sig = digest.resolveSibling(digest.getFileName() + LocalTree.SIGNATURE_SUFFIX);
    try {
      if (!Files.isRegularFile(sig) || Files.size(sig) > MAX_SIGNATURE_BYTES) {
        return null;
      }
      return Files.readString(sig, StandardCharsets.US_ASCII).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private SignatureStatus checkSignature(Run run, LoadedDigest d) {
    if (d.signature() == null || d.signature().isEmpty()) {
      run.problem(ProblemKind.DIGEST_SIGNATURE_MISSING, d, "no signature sidecar");
      return SignatureStatus.MISSING;
    }
    Optional<PublicKeys.Entry> key = keys.find(d.file().publicKeyFingerprint());
    if (key.isEmpty()) {
      run.problem(
          ProblemKind.DIGEST_KEY_UNKNOWN,
          d,
          "no public key with fingerprint " + d.file().publicKeyFingerprint());
      return SignatureStatus.KEY_UNKNOWN;
    }
    byte[] signature;
    try {
      signature = Hashes.unhex(d.signature());
    } catch (IllegalArgumentException e) {
      run.problem(ProblemKind.DIGEST_SIGNATURE_INVALID, d, "signature sidecar is not hex");
      return SignatureStatus.INVALID;
    }
    String toSign = Signatures.signingString(d.file(), d.sha256());
    if (!Signatures.verify(key.get().key(), toSign, signature)) {
      run.problem(
          ProblemKind.DIGEST_SIGNATURE_INVALID,
          d,
          "signature does not verify with key " + key.get().fingerprint());
      return SignatureStatus.INVALID;
    }
    run.verified++;
    return SignatureStatus.VERIFIED;
  }

  /** A log file's hash, or why it could not be computed. */
  private record Hashed(String sha256, String error) {}

  /**
   * Hashes every listed log file that is present, each once, on {@link #threads} named threads
   * (hashing gigabytes of gzip is the slow part of a verification), then compares in order.
   */
  private void checkLogFiles(Run run, List<LoadedDigest> loaded, Set<Path> listed) {
    Map<Path, Future<Hashed>> hashes = new HashMap<>();
    ExecutorService pool = Workers.pool("verify", threads);
    try {
      for (LoadedDigest d : loaded) {
        for (DigestFile.LogFile entry : d.file().logFiles()) {
          Path file = run.tree.find(entry.s3Object());
          if (file != null) {
            hashes.computeIfAbsent(file, f -> pool.submit(() -> hash(f)));
          }
        }
      }
      for (LoadedDigest d : loaded) {
        for (DigestFile.LogFile entry : d.file().logFiles()) {
          compare(run, d, entry, hashes, listed);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Hashed hash(Path file) {
    try {
      return new Hashed(Hashes.sha256OfUncompressed(file), null);
    } catch (IOException | RuntimeException e) {
      return new Hashed(
          null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static void compare(
      Run run,
      LoadedDigest d,
      DigestFile.LogFile entry,
      Map<Path, Future<Hashed>> hashes,
      Set<Path> listed) {
    run.listed++;
    Path file = run.tree.find(entry.s3Object());
    if (file == null) {
      run.problem(
          ProblemKind.LOG_FILE_MISSING, Names.key(entry.s3Object()), d, "listed in " + d.display());
      return;
    }
    String shown = run.tree.display(file);
    listed.add(file);
    run.checked++;
    Hashed h = await(hashes.get(file));
    if (h.error() != null) {
      run.problem(ProblemKind.LOG_FILE_ALTERED, shown, d, "cannot be read: " + h.error());
    } else if (!h.sha256().equalsIgnoreCase(entry.hashValue())) {
      run.problem(
          ProblemKind.LOG_FILE_ALTERED,
          shown,
          d,
          "SHA-256 " + h.sha256() + ", digest " + d.display() + " recorded " + entry.hashValue());
    }
  }

  private static Hashed await(Future<Hashed> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing log files", e);
    } catch (ExecutionException e) {
      return new Hashed(null, String.valueOf(e.getCause()));
    }
  }
}
