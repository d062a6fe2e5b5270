package io.trailhound.scan;

import io.trailhound.detect.network.DomainReputation;
import io.trailhound.detect.network.IntelLists;
import io.trailhound.detect.network.IpReputation;
import io.trailhound.detect.network.LambdaInterfaces;
import io.trailhound.source.net.NetworkOptions;
import java.util.Objects;

/**
 * How a scan treats network logs (VPC Flow Logs, Route 53 Resolver query logs).
 *
 * @param options reading: flow format for header-less lines, rollup, sampling, threads
 * @param ips address threat intel
 * @param domains domain threat intel
 * @param lambdaInterfaces interfaces known to belong to Lambda functions (id to function name),
 *     from an inventory; CloudTrail's CreateNetworkInterface calls in the same scan add to them
 */
public record NetworkScan(
    NetworkOptions options,
    IpReputation ips,
    DomainReputation domains,
    LambdaInterfaces lambdaInterfaces) {

  public NetworkScan {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(ips, "ips");
    Objects.requireNonNull(domains, "domains");
    Objects.requireNonNull(lambdaInterfaces, "lambdaInterfaces");
  }

  public NetworkScan(NetworkOptions options, IpReputation ips, DomainReputation domains) {
    this(options, ips, domains, new LambdaInterfaces());
  }

  /** The same settings with this inventory of Lambda functions' interfaces. */
  public NetworkScan withLambdaInterfaces(LambdaInterfaces interfaces) {
    return new NetworkScan(options, ips, domains, interfaces);
  }

  /** Default reading, with the built-in lists only (mining pools). */
  public static NetworkScan defaults() {
    IntelLists builtin = IntelLists.builtin();
    return new NetworkScan(NetworkOptions.defaults(), builtin, builtin);
  }

  /** These options with the same intel. */
  public NetworkScan withOptions(NetworkOptions o) {
    return new NetworkScan(o, ips, domains, lambdaInterfaces);
  }

  /** The same options with this intel for addresses and domains. */
  public <T extends IpReputation & DomainReputation> NetworkScan withReputation(T intel) {
    return new NetworkScan(options, intel, intel, lambdaInterfaces);
  }

  /** The same options with these lists. */
  public NetworkScan withIntel(IntelLists lists) {
    return new NetworkScan(options, lists, lists, lambdaInterfaces);
  }
}
