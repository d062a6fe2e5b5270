package io.trailhound.scan;

import io.trailhound.detect.network.NetworkAlert;
import io.trailhound.detect.network.NetworkDetection;
import io.trailhound.detect.network.Params;
import io.trailhound.event.Resource;
import io.trailhound.event.net.Addresses;
import io.trailhound.finding.Finding;
import io.trailhound.finding.FindingIds;
import io.trailhound.finding.RuleInfo;
import io.trailhound.finding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns network alerts into {@link Finding}s: the detector's metadata file gives title, level,
 * ATT&amp;CK tags; the alert narrows the types to the one it found and may raise the severity. Flow
 * records and queries have no ids, so a network finding's evidence is its explanation, counts and
 * time span.
 */
public final class NetworkFindings {

  private final Map<String, DetectorMetadata> metadata = new HashMap<>();

  public NetworkFindings() {
    for (String id : NetworkDetection.IDS) {
      metadata.put(id, DetectorMetadata.builtin(id));
    }
  }

  /** The parameters of each network detector, from its metadata file. */
  public Params params(String id) {
    DetectorMetadata m = metadata.get(id);
    return m == null ? Params.NONE : new Params(m.parameters());
  }

  /** One finding for an alert. */
  public Finding toFinding(NetworkAlert a) {
    RuleInfo base = metadata.get(a.detectorId()).info();
    RuleInfo info =
        new RuleInfo(
            base.ruleId(),
            base.name(),
            base.title(),
            base.description(),
            a.level() == null ? base.severity() : Severity.parse(a.level()),
            a.type().isEmpty() ? base.types() : List.of(a.type()),
            base.techniques(),
            base.tactics(),
            base.origin());
    List<String> ips = new ArrayList<>();
    for (String r : a.remotes()) {
      String host =
          r.contains(":") && r.indexOf(':') == r.lastIndexOf(':')
              ? r.substring(0, r.indexOf(':'))
              : r;
      if (Addresses.parse(host) >= 0 || host.contains(":")) {
        ips.add(host);
      }
    }
    List<Resource> resources = new ArrayList<>();
    String region = a.region() == null ? "" : a.region();
    String account = a.account() == null ? "" : a.account();
    if (a.instanceId() != null) {
      resources.add(
          new Resource(
              "arn:aws:ec2:" + region + ":" + account + ":instance/" + a.instanceId(),
              "AWS::EC2::Instance",
              a.account()));
    }
    boolean lambda = a.detectorId().equals(NetworkDetection.LAMBDA_ID);
    if (lambda) {
      String function = a.actor().substring(a.actor().lastIndexOf(' ') + 1);
      resources.add(
          new Resource(
              "arn:aws:lambda:" + region + ":" + account + ":function:" + function,
              "AWS::Lambda::Function",
              a.account()));
    }
    if (a.interfaceId() != null) {
      resources.add(
          new Resource(
              "arn:aws:ec2:" + region + ":" + account + ":network-interface/" + a.interfaceId(),
              "AWS::EC2::NetworkInterface",
              a.account()));
    }
    String actorType =
        lambda
            ? "LambdaFunction"
            : a.instanceId() != null
                ? "EC2Instance"
                : a.interfaceId() != null ? "NetworkInterface" : "IPAddress";
    return new Finding(
        FindingIds.stable(a.key()),
        a.key(),
        info,
        a.account(),
        a.region(),
        a.actor(),
        actorType,
        List.of(),
        ips,
        resources,
        a.firstSeen(),
        a.lastSeen(),
        a.count(),
        List.of(),
        List.of(),
        a.explanation());
  }

  /** {@link #toFinding} for each alert. */
  public List<Finding> toFindings(List<NetworkAlert> alerts) {
    return alerts.stream().map(this::toFinding).toList();
  }
}
