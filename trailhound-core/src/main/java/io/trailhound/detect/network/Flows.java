package io.trailhound.detect.network;

import io.trailhound.event.net.Addresses;
import io.trailhound.event.net.FlowDirection;
import io.trailhound.event.net.FlowRecord;
import java.time.Instant;
import java.util.Locale;

/** Small helpers the flow detectors share: which side is remote, windows, names. */
final class Flows {

  private Flows() {}

  /** The remote side's address (the source of inbound traffic, else the destination). */
  static long remote(FlowRecord r, FlowDirection d) {
    return d == FlowDirection.INGRESS ? r.srcAddr() : r.dstAddr();
  }

  /** The remote side's address as text. */
  static String remoteText(FlowRecord r, FlowDirection d) {
    return d == FlowDirection.INGRESS ? r.srcText() : r.dstText();
  }

  /** True when the remote side is an internet address. */
  static boolean remotePublic(FlowRecord r, FlowDirection d) {
    return d == FlowDirection.INGRESS ? !r.srcPrivate() : !r.dstPrivate();
  }

  /**
   * True when the interface's side opened the connection: the lower port is the service, so an
   * egress flow to a lower port than its own is a client's request (not a server's reply).
   */
  static boolean initiatedLocally(FlowRecord r) {
    return r.dstPort() >= 0 && r.srcPort() >= 0 && r.dstPort() <= r.srcPort();
  }

  /** Start of the fixed, epoch-aligned window of {@code size} seconds holding {@code t}. */
  static long window(long t, long size) {
    return Math.floorDiv(Math.max(t, 0), size) * size;
  }

  /** {@code i-0abc (eni-0def)}, {@code eni-0def}, or the address. */
  static String actor(String instance, String iface, String address) {
    if (instance != null && iface != null) {
      return instance + " (" + iface + ")";
    }
    if (instance != null) {
      return instance;
    }
    return iface != null ? iface : address;
  }

  static Instant time(long epochSeconds) {
    return Instant.ofEpochSecond(Math.max(epochSeconds, 0));
  }

  /** {@code 4 min}, {@code 2 h}, {@code 45 s}. */
  static String span(long seconds) {
    if (seconds < 120) {
      return Math.max(seconds, 0) + " s";
    }
    if (seconds < 7200) {
      return (seconds / 60) + " min";
    }
    return (seconds / 3600) + " h";
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String protocol(int p) {
    return switch (p) {
      case 1 -> "ICMP";
      case 6 -> "TCP";
      case 17 -> "UDP";
      case 58 -> "ICMPv6";
      default -> "protocol " + p;
    };
  }

  static String address(long ip) {
    return Addresses.format(ip);
  }
}
