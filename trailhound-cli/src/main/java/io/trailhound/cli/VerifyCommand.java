package io.trailhound.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailhound.finding.output.JsonlFindingWriter;
import io.trailhound.integrity.DigestVerifier;
import io.trailhound.integrity.KeyLoadException;
import io.trailhound.integrity.Problem;
import io.trailhound.integrity.ProblemKind;
import io.trailhound.integrity.PublicKeys;
import io.trailhound.integrity.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailhound verify}: CloudTrail log-file integrity validation, offline. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify CloudTrail log-file integrity offline: digest signatures, the digest chain and the"
          + " SHA-256 of every log file, in a downloaded AWSLogs folder.",
      "Signatures are read from a sidecar <digest file>.sig holding the hex signature"
          + " (S3 metadata x-amz-meta-signature).",
      "Exit codes: 0 everything verifies, 1 problems found, 2 usage error, 3 no digest found."
    })
final class VerifyCommand implements Callable<Integer> {

  static final String SUMMARY_SCHEMA = "trailhound.verify-summary/v1";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Folder holding AWSLogs/.")
  Path path;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      required = true,
      description =
          "PEM public key or 'aws cloudtrail list-public-keys' JSON (repeatable, at least one).")
  List<Path> keyFiles = new ArrayList<>();

  @Option(names = "--output", paramLabel = "FORMAT", description = "table (default) or jsonl.")
  String output = "table";

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads hashing log files (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String format = output.toLowerCase(Locale.ROOT);
    if (!format.equals("table") && !format.equals("jsonl")) {
      throw new UsageError("unknown --output '" + output + "': expected table or jsonl");
    }
    if (threads < 1) {
      throw new UsageError("--threads must be at least 1");
    }
    if (!Files.isDirectory(path)) {
      throw new UsageError(path + " is not a folder");
    }
    PublicKeys keys;
    try {
      keys = PublicKeys.load(keyFiles);
    } catch (KeyLoadException e) {
      throw new UsageError("--public-key: " + e.getMessage());
    }
    VerificationReport report =
        new DigestVerifier(keys, DigestVerifier.DEFAULT_MAX_DIGEST_BYTES, threads).verify(path);
    if (format.equals("table")) {
      printTable(report, out);
    } else {
      new JsonlFindingWriter().write(report.findings(), out);
      out.flush();
      printJsonSummary(report, err);
    }
    if (report.digestFiles() == 0) {
      err.println("trailhound: no digest file found under " + path);
      return Trailhound.NOTHING_READ;
    }
    return report.problems().isEmpty() ? Trailhound.OK : Trailhound.FINDINGS_AT_THRESHOLD;
  }

  private static void printTable(VerificationReport r, PrintWriter out) {
    if (r.problems().isEmpty()) {
      out.println(r.digestFiles() == 0 ? "No digest files." : "Everything verifies.");
    }
    // one problem per two lines rather than a table: paths are long and their end (the file
    // name) is what matters, so they are never cut
    for (Problem p : r.problems()) {
      out.printf(
          Locale.ROOT,
          "%-8s %-26s %s%n         %s%n",
          p.kind().severity().label().toUpperCase(Locale.ROOT),
          p.kind().rule().ruleId().replace("th-integrity-", ""),
          TerminalText.safe(p.path()),
          TerminalText.safe(p.detail()));
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Digests: %d found, %d signatures verified, %d chain starts%n",
        r.digestFiles(),
        r.digestsVerified(),
        r.chainStarts());
    out.printf(
        Locale.ROOT,
        "Log files: %d listed, %d hashed, %d found, %d outside every digest window%n",
        r.logFilesListed(),
        r.logFilesChecked(),
        r.logFilesFound(),
        r.logFilesNotCovered());
    Map<ProblemKind, List<Problem>> byKind = r.problemsByKind();
    if (!byKind.isEmpty()) {
      StringBuilder b = new StringBuilder("Problems:");
      byKind.forEach(
          (k, v) -> b.append(' ').append(k.rule().ruleId()).append('=').append(v.size()));
      out.println(b);
    }
    if (r.unreadablePaths() > 0) {
      out.printf(Locale.ROOT, "Unreadable paths skipped: %d%n", r.unreadablePaths());
    }
  }

  private static void printJsonSummary(VerificationReport r, PrintWriter err) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(err)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("schema", SUMMARY_SCHEMA);
      g.writeNumberField("digest_files", r.digestFiles());
      g.writeNumberField("digests_verified", r.digestsVerified());
      g.writeNumberField("chain_starts", r.chainStarts());
      g.writeNumberField("log_files_listed", r.logFilesListed());
      g.writeNumberField("log_files_checked", r.logFilesChecked());
      g.writeNumberField("log_files_found", r.logFilesFound());
      g.writeNumberField("log_files_not_covered", r.logFilesNotCovered());
      g.writeNumberField("unreadable_paths", r.unreadablePaths());
      g.writeObjectFieldStart("problems_by_kind");
      for (Map.Entry<ProblemKind, List<Problem>> e : r.problemsByKind().entrySet()) {
        g.writeNumberField(e.getKey().rule().ruleId(), e.getValue().size());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("problems");
      for (Problem p : r.problems()) {
        g.writeStartObject();
        g.writeStringField("rule_id", p.kind().rule().ruleId());
        g.writeStringField("path", p.path());
        g.writeStringField("account", p.account());
        g.writeStringField("region", p.region());
        g.writeStringField("trail", p.trail());
        g.writeStringField("detail", p.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    err.println();
    err.flush();
  }
}
