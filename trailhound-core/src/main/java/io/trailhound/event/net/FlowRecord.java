package io.trailhound.event.net;

/**
 * One VPC Flow Log record (or a rollup of several). Fields absent from the log's format, or logged
 * as {@code -}, are {@code null} for text, {@code -1} for numbers and {@link Addresses#NONE} for
 * addresses. IPv4 addresses are numbers (see {@link Addresses}); an IPv6 address is {@link
 * Addresses#IPV6} with its text in the matching {@code …6} component. Build one with {@link
 * FlowRecordBuilder}.
 *
 * @param version format version of the record
 * @param accountId owner of the interface ({@code unknown} for some service-created interfaces)
 * @param interfaceId the network interface the flow was logged on
 * @param instanceId the instance attached to it, when any
 * @param vpcId VPC of the interface
 * @param subnetId subnet of the interface
 * @param region region of the interface (version 4+), else null
 * @param type {@code IPv4}, {@code IPv6} or {@code EFA}
 * @param srcAddr source address (for inbound traffic the remote side)
 * @param srcAddr6 source address text when IPv6
 * @param dstAddr destination address
 * @param dstAddr6 destination address text when IPv6
 * @param srcPort source port
 * @param dstPort destination port
 * @param protocol IANA protocol number (6 TCP, 17 UDP, 1 ICMP)
 * @param packets packets in the aggregation interval
 * @param bytes bytes in the aggregation interval
 * @param start Unix seconds of the first packet in the interval
 * @param end Unix seconds of the last packet
 * @param action ACCEPT or REJECT
 * @param status OK, NODATA or SKIPDATA
 * @param tcpFlags OR of the TCP flags seen in the interval (SYN 2, FIN 1, RST 4, SYN-ACK 18)
 * @param pktSrcAddr packet-level original source (through NAT gateways)
 * @param pktDstAddr packet-level original destination
 * @param pktSrcService AWS service of the packet source address, when known
 * @param pktDstService AWS service of the packet destination address
 * @param direction ingress or egress relative to the interface, when logged
 * @param trafficPath egress path (1 same VPC … 8 internet gateway), -1 when absent
 * @param rejectReason {@code BPA} when VPC Block Public Access rejected the flow
 * @param flows how many raw records this one stands for (1, more for rollups and samples)
 */
public record FlowRecord(
    int version,
    String accountId,
    String interfaceId,
    String instanceId,
    String vpcId,
    String subnetId,
    String region,
    String type,
    long srcAddr,
    String srcAddr6,
    long dstAddr,
    String dstAddr6,
    int srcPort,
    int dstPort,
    int protocol,
    long packets,
    long bytes,
    long start,
    long end,
    FlowAction action,
    LogStatus status,
    int tcpFlags,
    long pktSrcAddr,
    long pktDstAddr,
    String pktSrcService,
    String pktDstService,
    FlowDirection direction,
    int trafficPath,
    String rejectReason,
    int flows) {

  public static final int TCP = 6;
  public static final int UDP = 17;

  /** Source address as text ({@code -} when absent). */
  public String srcText() {
    return srcAddr == Addresses.IPV6 ? srcAddr6 : Addresses.format(srcAddr);
  }

  /** Destination address as text ({@code -} when absent). */
  public String dstText() {
    return dstAddr == Addresses.IPV6 ? dstAddr6 : Addresses.format(dstAddr);
  }

  /** True when the record carries traffic (not NODATA / SKIPDATA and with both addresses). */
  public boolean hasTraffic() {
    return status != LogStatus.NODATA
        && status != LogStatus.SKIPDATA
        && srcAddr != Addresses.NONE
        && dstAddr != Addresses.NONE;
  }

  /** True when the source is a private (RFC 1918, link-local, ULA…) address. */
  public boolean srcPrivate() {
    return srcAddr == Addresses.IPV6
        ? Addresses.isPrivate6(srcAddr6)
        : Addresses.isPrivate(srcAddr);
  }

  /** True when the destination is a private address. */
  public boolean dstPrivate() {
    return dstAddr == Addresses.IPV6
        ? Addresses.isPrivate6(dstAddr6)
        : Addresses.isPrivate(dstAddr);
  }

  /**
   * The direction relative to the interface: the logged one when the format has {@code
   * flow-direction}, else inferred from the addresses (the interface's side is the private one);
   * {@link FlowDirection#UNKNOWN} when both sides are private or both public.
   */
  public FlowDirection resolvedDirection() {
    if (direction != FlowDirection.UNKNOWN) {
      return direction;
    }
    boolean s = srcPrivate();
    boolean d = dstPrivate();
    if (s && !d) {
      return FlowDirection.EGRESS;
    }
    if (d && !s) {
      return FlowDirection.INGRESS;
    }
    return FlowDirection.UNKNOWN;
  }

  /** The interface id, or the instance id when the format has no interface. */
  public String interfaceKey() {
    return interfaceId != null ? interfaceId : instanceId != null ? instanceId : "-";
  }

  /** Seconds the record covers, at least one. */
  public long seconds() {
    return start < 0 || end < start ? 1 : Math.max(1, end - start);
  }
}
