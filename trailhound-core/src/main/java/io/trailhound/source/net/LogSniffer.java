package io.trailhound.source.net;

import io.trailhound.source.Input;
import io.trailhound.source.text.Decompress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * Tells a file's log type from its first bytes (after gunzip), never from its name — except that
 * files in a {@code /CloudTrail/} or {@code /CloudTrail-Digest/} folder go straight to the
 * CloudTrail reader without being opened twice. Anything not recognised as a network log is left to
 * the CloudTrail reader, which reports what it cannot read.
 */
public final class LogSniffer {

  private static final int HEAD = 8192;
  private static final Pattern FLOW_LINE = Pattern.compile("^\\d{1,3} [^ ]+ [^ ]+ [^ ]+ [^ ]+.*$");

  private LogSniffer() {}

  /** True when {@code head} starts with the Parquet magic {@code PAR1}. */
  public static boolean isParquet(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
  }

  /** The reader for {@code input}; standard input always goes to the CloudTrail reader. */
  public static LogKind detect(Input input) {
    if (input.isStdin()) {
      return LogKind.CLOUDTRAIL;
    }
    String path = input.location().replace('\\', '/');
    if (path.contains("/CloudTrail/") || path.contains("/CloudTrail-Digest/")) {
      return LogKind.CLOUDTRAIL;
    }
    try (InputStream in = Decompress.open(Files.newInputStream(input.path()))) {
      return detect(in.readNBytes(HEAD));
    } catch (IOException | RuntimeException e) {
      return LogKind.CLOUDTRAIL;
    }
  }

  /** The log type of a file starting with {@code head}. */
  public static LogKind detect(byte[] head) {
    if (isParquet(head)) {
      // Only flow logs are delivered as Parquet; CloudTrail and resolver logs never are.
      return LogKind.VPC_FLOW;
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String trimmed = text.stripLeading();
    if (trimmed.isEmpty()) {
      return LogKind.CLOUDTRAIL;
    }
    char c = trimmed.charAt(0);
    if (c == '{' || c == '[') {
      if (text.contains("query_name") && text.contains("query_timestamp")) {
        return LogKind.DNS;
      }
      boolean export = text.contains("\"logEvents\"") || text.contains("\"events\"");
      boolean cloudTrail = text.contains("eventVersion") || text.contains("eventSource");
      return export && text.contains("\"message\"") && !cloudTrail
          ? LogKind.VPC_FLOW
          : LogKind.CLOUDTRAIL;
    }
    int nl = trimmed.indexOf('\n');
    String first = (nl < 0 ? trimmed : trimmed.substring(0, nl)).strip();
    if (io.trailhound.source.vpcflow.FlowFormat.isHeader(first)
        || FLOW_LINE.matcher(first).matches()
        || first.startsWith("${")) {
      return LogKind.VPC_FLOW;
    }
    return LogKind.CLOUDTRAIL;
  }
}
