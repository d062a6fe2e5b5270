package io.trailhound.source.vpcflow;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowAction;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import io.trailhound.event.net.FlowRecordBuilder;
import io.trailhound.event.net.LogStatus;
import io.trailhound.source.SkipReason;
import java.nio.charset.StandardCharsets;

/**
 * Parses lines of one format by byte offsets: fields are runs of bytes between spaces or tabs,
 * numbers and IPv4 addresses are decoded in place, text fields go through an {@link Interner}. One
 * parser per thread.
 */
public final class FlowLineParser {

  private final FlowField[] fields;
  private final Interner interner = new Interner();
  private final FlowRecordBuilder b = new FlowRecordBuilder();

  public FlowLineParser(FlowFormat format) {
    this.fields = format.fields().toArray(new FlowField[0]);
  }

  /** Parses a line given as text (tests, CloudWatch messages). */
  public FlowRecord parse(String line) throws FlowLineException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  /** Parses {@code buf[off, off+len)}. */
  public FlowRecord parse(byte[] buf, int off, int len) throws FlowLineException {
    b.reset();
    int end = off + len;
    int i = off;
    int column = 0;
    FlowLineException error = null;
    while (true) {
      while (i < end && (buf[i] == ' ' || buf[i] == '\t')) {
        i++;
      }
      if (i >= end) {
        break;
      }
      int s = i;
      while (i < end && buf[i] != ' ' && buf[i] != '\t') {
        i++;
      }
      if (column < fields.length && error == null) {
        try {
          field(fields[column], buf, s, i - s);
        } catch (FlowLineException e) {
          error = e;
        }
      }
      column++;
    }
    // A wrong field count explains a bad value better than the value does: check it first.
    if (column != fields.length) {
      throw new FlowLineException(
          SkipReason.FIELD_COUNT, column + " fields where the format names " + fields.length);
    }
    if (error != null) {
      throw error;
    }
    return b.build();
  }

  private void field(FlowField f, byte[] buf, int s, int n) throws FlowLineException {
    boolean dash = n == 1 && buf[s] == '-';
    switch (f) {
      case VERSION -> b.version = (int) number(f, buf, s, n, 255);
      case ACCOUNT_ID -> b.accountId = dash ? null : interner.intern(buf, s, n);
      case INTERFACE_ID -> b.interfaceId = dash ? null : interner.intern(buf, s, n);
      case INSTANCE_ID -> b.instanceId = dash ? null : interner.intern(buf, s, n);
      case VPC_ID -> b.vpcId = dash ? null : interner.intern(buf, s, n);
      case SUBNET_ID -> b.subnetId = dash ? null : interner.intern(buf, s, n);
      case REGION -> b.region = dash ? null : interner.intern(buf, s, n);
      case TYPE -> b.type = dash ? null : interner.intern(buf, s, n);
      case SRCADDR -> {
        b.srcAddr = address(f, buf, s, n);
        b.srcAddr6 = b.srcAddr == Addresses.IPV6 ? text(buf, s, n) : null;
      }
      case DSTADDR -> {
        b.dstAddr = address(f, buf, s, n);
        b.dstAddr6 = b.dstAddr == Addresses.IPV6 ? text(buf, s, n) : null;
      }
      case PKT_SRCADDR -> b.pktSrcAddr = address(f, buf, s, n);
      case PKT_DSTADDR -> b.pktDstAddr = address(f, buf, s, n);
      case SRCPORT -> b.srcPort = (int) number(f, buf, s, n, 65535);
      case DSTPORT -> b.dstPort = (int) number(f, buf, s, n, 65535);
      case PROTOCOL -> b.protocol = (int) number(f, buf, s, n, 255);
      case PACKETS -> b.packets = number(f, buf, s, n, Long.MAX_VALUE);
      case BYTES -> b.bytes = number(f, buf, s, n, Long.MAX_VALUE);
      case START -> b.start = number(f, buf, s, n, Long.MAX_VALUE);
      case END -> b.end = number(f, buf, s, n, Long.MAX_VALUE);
      case TCP_FLAGS -> b.tcpFlags = (int) number(f, buf, s, n, 65535);
      case TRAFFIC_PATH -> b.trafficPath = (int) number(f, buf, s, n, 255);
      case ACTION -> b.action = action(buf, s, n, dash);
      case LOG_STATUS -> b.status = status(buf, s, n, dash);
      case FLOW_DIRECTION -> b.direction = direction(buf, s, n, dash);
      case PKT_SRC_AWS_SERVICE -> b.pktSrcService = dash ? null : interner.intern(buf, s, n);
      case PKT_DST_AWS_SERVICE -> b.pktDstService = dash ? null : interner.intern(buf, s, n);
      case REJECT_REASON -> b.rejectReason = dash ? null : interner.intern(buf, s, n);
      default -> {
        // Known context fields (ECS, sublocation, az) and unknown columns: read past.
      }
    }
  }

  private static long number(FlowField f, byte[] buf, int s, int n, long max)
      throws FlowLineException {
    if (n == 1 && buf[s] == '-') {
      return -1;
    }
    if (n > 19) {
      throw invalid(f, "is too long for a number");
    }
    long v = 0;
    for (int i = s; i < s + n; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw invalid(f, "is not a number");
      }
      v = v * 10 + d;
    }
    if (v > max || v < 0) {
      throw invalid(f, "is out of range");
    }
    return v;
  }

  private static long address(FlowField f, byte[] buf, int s, int n) throws FlowLineException {
    if (n == 1 && buf[s] == '-') {
      return Addresses.NONE;
    }
    long value = 0;
    int octet = -1;
    int dots = 0;
    boolean colon = false;
    for (int i = s; i < s + n; i++) {
      byte c = buf[i];
      if (c >= '0' && c <= '9') {
        octet = octet < 0 ? c - '0' : Math.min(octet * 10 + (c - '0'), 1000);
      } else if (c == '.') {
        if (octet < 0 || octet > 255 || dots == 3) {
          throw invalid(f, "is not an IP address");
        }
        value = (value << 8) | octet;
        octet = -1;
        dots++;
      } else if (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        colon |= c == ':';
        octet = 0;
      } else {
        throw invalid(f, "is not an IP address");
      }
    }
    if (colon && n <= 45) {
      return Addresses.IPV6;
    }
    if (dots != 3 || octet < 0 || octet > 255 || colon) {
      throw invalid(f, "is not an IP address");
    }
    return (value << 8) | octet;
  }

  private static FlowAction action(byte[] buf, int s, int n, boolean dash)
      throws FlowLineException {
    if (dash) {
      return FlowAction.NONE;
    }
    if (is(buf, s, n, "ACCEPT")) {
      return FlowAction.ACCEPT;
    }
    if (is(buf, s, n, "REJECT")) {
      return FlowAction.REJECT;
    }
    throw invalid(FlowField.ACTION, "is neither ACCEPT nor REJECT");
  }

  private static LogStatus status(byte[] buf, int s, int n, boolean dash) throws FlowLineException {
    if (dash) {
      return LogStatus.UNKNOWN;
    }
    if (is(buf, s, n, "OK")) {
      return LogStatus.OK;
    }
    if (is(buf, s, n, "NODATA")) {
      return LogStatus.NODATA;
    }
    if (is(buf, s, n, "SKIPDATA")) {
      return LogStatus.SKIPDATA;
    }
    throw invalid(FlowField.LOG_STATUS, "is not OK, NODATA or SKIPDATA");
  }

  private static FlowDirection direction(byte[] buf, int s, int n, boolean dash)
      throws FlowLineException {
    if (dash) {
      return FlowDirection.UNKNOWN;
    }
    if (is(buf, s, n, "ingress")) {
      return FlowDirection.INGRESS;
    }
    if (is(buf, s, n, "egress")) {
      return FlowDirection.EGRESS;
    }
    throw invalid(FlowField.FLOW_DIRECTION, "is neither ingress nor egress");
  }

  private static boolean is(byte[] buf, int s, int n, String word) {
    if (n != word.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[s + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] buf, int s, int n) {
    return new String(buf, s, n, StandardCharsets.US_ASCII);
  }

  private static FlowLineException invalid(FlowField f, String what) {
    return new FlowLineException(SkipReason.INVALID_VALUE, f.fieldName() + " " + what);
  }
}
