package io.trailhound.detect.network;

import java.util.Map;

/**
 * GuardDuty's Lambda network findings from flow logs: when the interface of an address-intel,
 * mining or Tor alert belongs to a VPC-attached Lambda function ({@link LambdaInterfaces}), the
 * alert is the function's, under {@code …:Lambda/…} types and this detector's id, naming the
 * function. Types without a Lambda counterpart (inbound Tor callers, Bitcoin nodes, XOR DDoS) stay
 * with the interface's EC2 alert.
 */
final class LambdaTraffic {

  static final String ID = "net-lambda-threat-ip";

  private static final Map<String, String> TYPES =
      Map.of(
          "Backdoor:EC2/C&CActivity.B", "Backdoor:Lambda/C&CActivity.B",
          "CryptoCurrency:EC2/BitcoinTool.B", "CryptoCurrency:Lambda/BitcoinTool.B",
          "Trojan:EC2/BlackholeTraffic", "Trojan:Lambda/BlackholeTraffic",
          "Trojan:EC2/DropPoint", "Trojan:Lambda/DropPoint",
          "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom",
              "UnauthorizedAccess:Lambda/MaliciousIPCaller.Custom",
          "UnauthorizedAccess:EC2/TorClient", "UnauthorizedAccess:Lambda/TorClient",
          "UnauthorizedAccess:EC2/TorRelay", "UnauthorizedAccess:Lambda/TorRelay");

  /** GuardDuty rates these medium; the rest of the Lambda types high (the detector's level). */
  private static final java.util.Set<String> MEDIUM =
      java.util.Set.of(
          "Trojan:Lambda/BlackholeTraffic",
          "Trojan:Lambda/DropPoint",
          "UnauthorizedAccess:Lambda/MaliciousIPCaller.Custom");

  private LambdaTraffic() {}

  /** The Lambda alert {@code a} stands for, or {@code a} itself when it is not one. */
  static NetworkAlert of(NetworkAlert a, LambdaInterfaces lambdas) {
    if (!a.detectorId().equals(IntelFlowDetector.ID)
        && !a.detectorId().equals(IntelFlowDetector.MINING_ID)
        && !a.detectorId().equals(IntelFlowDetector.TOR_RELAY_ID)) {
      return a;
    }
    String function = lambdas.function(a.interfaceId());
    String type = TYPES.get(a.type());
    if (function == null || type == null) {
      return a;
    }
    String actor = "Lambda function " + function;
    String explanation =
        actor
            + " (its VPC interface "
            + a.interfaceId()
            + "): "
            + (a.explanation().startsWith(a.actor())
                ? a.explanation().substring(a.actor().length()).stripLeading()
                : a.explanation());
    return new NetworkAlert(
        ID,
        type,
        MEDIUM.contains(type) || a.detectorId().equals(IntelFlowDetector.MINING_ID)
            ? "medium"
            : null,
        a.account(),
        a.region() != null ? a.region() : lambdas.region(a.interfaceId()),
        actor,
        null,
        a.interfaceId(),
        a.remotes(),
        a.firstSeen(),
        a.lastSeen(),
        a.count(),
        a.window(),
        explanation);
  }
}
