package io.trailhound.event.net;

/**
 * Collects the fields of one flow record while a line is parsed, then {@link #build}s it. Readers
 * keep one builder per thread and {@link #reset} it for every line.
 */
public final class FlowRecordBuilder {

  public int version = -1;
  public String accountId;
  public String interfaceId;
  public String instanceId;
  public String vpcId;
  public String subnetId;
  public String region;
  public String type;
  public long srcAddr = Addresses.NONE;
  public String srcAddr6;
  public long dstAddr = Addresses.NONE;
  public String dstAddr6;
  public int srcPort = -1;
  public int dstPort = -1;
  public int protocol = -1;
  public long packets = -1;
  public long bytes = -1;
  public long start = -1;
  public long end = -1;
  public FlowAction action = FlowAction.NONE;
  public LogStatus status = LogStatus.UNKNOWN;
  public int tcpFlags = -1;
  public long pktSrcAddr = Addresses.NONE;
  public long pktDstAddr = Addresses.NONE;
  public String pktSrcService;
  public String pktDstService;
  public FlowDirection direction = FlowDirection.UNKNOWN;
  public int trafficPath = -1;
  public String rejectReason;
  public int flows = 1;

  /** Back to the state of a fresh builder. */
  public FlowRecordBuilder reset() {
    version = -1;
    accountId = null;
    interfaceId = null;
    instanceId = null;
    vpcId = null;
    subnetId = null;
    region = null;
    type = null;
    srcAddr = Addresses.NONE;
    srcAddr6 = null;
    dstAddr = Addresses.NONE;
    dstAddr6 = null;
    srcPort = -1;
    dstPort = -1;
    protocol = -1;
    packets = -1;
    bytes = -1;
    start = -1;
    end = -1;
    action = FlowAction.NONE;
    status = LogStatus.UNKNOWN;
    tcpFlags = -1;
    pktSrcAddr = Addresses.NONE;
    pktDstAddr = Addresses.NONE;
    pktSrcService = null;
    pktDstService = null;
    direction = FlowDirection.UNKNOWN;
    trafficPath = -1;
    rejectReason = null;
    flows = 1;
    return this;
  }

  /** The record built from the fields set so far. */
  public FlowRecord build() {
    return new FlowRecord(
        version,
        accountId,
        interfaceId,
        instanceId,
        vpcId,
        subnetId,
        region,
        type,
        srcAddr,
        srcAddr6,
        dstAddr,
        dstAddr6,
        srcPort,
        dstPort,
        protocol,
        packets,
        bytes,
        start,
        end,
        action,
        status,
        tcpFlags,
        pktSrcAddr,
        pktDstAddr,
        pktSrcService,
        pktDstService,
        direction,
        trafficPath,
        rejectReason,
        flows);
  }
}
