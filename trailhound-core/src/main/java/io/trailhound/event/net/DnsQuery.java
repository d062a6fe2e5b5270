package io.trailhound.event.net;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Route 53 Resolver query log record.
 *
 * @param time query time
 * @param accountId account of the VPC
 * @param region region of the VPC
 * @param vpcId the VPC the query came from
 * @param queryName the name asked for, lower case, without the trailing dot
 * @param queryType {@code A}, {@code AAAA}, {@code TXT}…
 * @param rcode response code ({@code NOERROR}, {@code NXDOMAIN}…)
 * @param answers the answers, possibly empty
 * @param srcAddr address of the asking host
 * @param srcPort its port, -1 when absent
 * @param instanceId {@code srcids.instance}, when the query came from an instance
 * @param resolverEndpoint {@code srcids.resolver_endpoint}, when through an inbound endpoint
 * @param firewallAction {@code ALERT} / {@code BLOCK} when a DNS Firewall rule matched, else null
 */
public record DnsQuery(
    Instant time,
    String accountId,
    String region,
    String vpcId,
    String queryName,
    String queryType,
    String rcode,
    List<DnsAnswer> answers,
    String srcAddr,
    int srcPort,
    String instanceId,
    String resolverEndpoint,
    String firewallAction) {

  public DnsQuery {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(queryName, "queryName");
    answers = List.copyOf(answers);
  }

  /** Who asked: the instance, else the resolver endpoint, else the source address. */
  public String asker() {
    return instanceId != null ? instanceId : resolverEndpoint != null ? resolverEndpoint : srcAddr;
  }
}
