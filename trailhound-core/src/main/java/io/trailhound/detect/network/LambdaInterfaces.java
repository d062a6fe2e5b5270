package io.trailhound.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailhound.event.Event;
import io.trailhound.event.FieldValue;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which network interfaces belong to Lambda functions: a VPC-attached function's traffic leaves
 * through an interface Lambda creates in the function's subnets, and flow records on it carry no
 * instance id. Learned from CloudTrail ({@code ec2:CreateNetworkInterface} calls Lambda makes with
 * the function's execution role: the interface's description is {@code AWS Lambda VPC
 * ENI-<function>} and its type {@code lambda}) and from an inventory the operator gives ({@code aws
 * ec2 describe-network-interfaces} JSON, or lines of {@code eni-… function}). Thread-safe:
 * CloudTrail reader threads add to it.
 */
public final class LambdaInterfaces {

  /** The CloudTrail fields read beyond the normalised view. */
  public static final Set<String> PATHS =
      Set.of(
          "responseElements.networkInterface.networkInterfaceId",
          "responseElements.networkInterface.description",
          "responseElements.networkInterface.interfaceType",
          "responseElements.networkInterface.requesterId",
          "requestParameters.description");

  private static final String PREFIX = "AWS Lambda VPC ENI";
  // Interfaces of the first VPC networking (before 2019) ended in a per-interface UUID.
  private static final Pattern UUID_SUFFIX =
      Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern ENI = Pattern.compile("eni-[0-9a-f]{8,17}");

  private final ConcurrentHashMap<String, String> functions = new ConcurrentHashMap<>();
  // Flow logs of versions 2 and 3 carry no region: the interface's creation tells it.
  private final ConcurrentHashMap<String, String> regions = new ConcurrentHashMap<>();

  /** An empty inventory. */
  public LambdaInterfaces() {}

  /** An inventory holding {@code functions} (interface id to function name). */
  public LambdaInterfaces(Map<String, String> functions) {
    functions.forEach(this::add);
  }

  /** A copy to add to (the given inventory stays as it was). */
  public LambdaInterfaces copy() {
    LambdaInterfaces c = new LambdaInterfaces(functions);
    regions.forEach(c::region);
    return c;
  }

  /** Records that {@code eni} belongs to {@code function} (the smallest name wins a conflict). */
  public void add(String eni, String function) {
    if (eni != null && function != null && !function.isBlank()) {
      functions.merge(eni, function.strip(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
  }

  /** Records the region of {@code eni}, when known. */
  public void region(String eni, String region) {
    if (eni != null && region != null && !region.isBlank()) {
      regions.merge(eni, region, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
  }

  /** The region of {@code eni}, or null when not known. */
  public String region(String eni) {
    return eni == null ? null : regions.get(eni);
  }

  /** The function owning {@code eni}, or null when it is not a known Lambda interface. */
  public String function(String eni) {
    return eni == null ? null : functions.get(eni);
  }

  public boolean isEmpty() {
    return functions.isEmpty();
  }

  /** Every interface and its function, sorted by interface. */
  public Map<String, String> asMap() {
    return new TreeMap<>(functions);
  }

  /** Learns from a successful {@code CreateNetworkInterface} call that made a Lambda interface. */
  public void accept(Event event) {
    if (!"CreateNetworkInterface".equals(event.view().api()) || !event.view().outcome().success()) {
      return;
    }
    String eni = text(event, "responseElements.networkInterface.networkInterfaceId");
    if (eni == null) {
      return;
    }
    String description = text(event, "responseElements.networkInterface.description");
    if (description == null) {
      description = text(event, "requestParameters.description");
    }
    String type = text(event, "responseElements.networkInterface.interfaceType");
    String function = functionOf(description);
    if (function == null && "lambda".equals(type)) {
      // No usable description: Lambda makes the call with the execution role, in a session named
      // after the function.
      String requester = text(event, "responseElements.networkInterface.requesterId");
      function =
          requester != null && requester.indexOf(':') > 0
              ? requester.substring(requester.indexOf(':') + 1)
              : event.view().actor().sessionName();
    }
    add(eni, function);
    if (function != null) {
      region(eni, event.view().region());
    }
  }

  /** The function named by an interface description, or null when it is not Lambda's. */
  static String functionOf(String description) {
    if (description == null || !description.startsWith(PREFIX)) {
      return null;
    }
    String rest = description.substring(PREFIX.length());
    if (rest.startsWith("-") || rest.startsWith(":")) {
      rest = rest.substring(1).strip();
    }
    Matcher m = UUID_SUFFIX.matcher(rest);
    if (m.find()) {
      rest = rest.substring(0, m.start());
    }
    // "AWS Lambda VPC ENI: <uuid>" names no function.
    return rest.isBlank() || rest.matches("[0-9a-f-]{36}") ? null : rest;
  }

  /**
   * Reads an inventory: the JSON of {@code aws ec2 describe-network-interfaces} (interfaces of type
   * {@code lambda} or with Lambda's description), or text lines of an interface id and a function
   * name or ARN ({@code #} starts a comment).
   *
   * @throws IOException when the input cannot be read or is JSON of another shape
   * @throws IllegalArgumentException for a text line that is not an interface and a function
   */
  public static LambdaInterfaces read(String name, Reader in) throws IOException {
    String text = readAll(in);
    LambdaInterfaces out = new LambdaInterfaces();
    if (text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[")) {
      JsonNode root = new ObjectMapper().readTree(text);
      JsonNode list = root.isArray() ? root : root.path("NetworkInterfaces");
      if (!list.isArray()) {
        throw new IOException(name + ": no NetworkInterfaces array");
      }
      for (JsonNode ni : list) {
        String eni = ni.path("NetworkInterfaceId").asText(null);
        String function = functionOf(ni.path("Description").asText(null));
        if (function == null && "lambda".equals(ni.path("InterfaceType").asText(""))) {
          String requester = ni.path("RequesterId").asText("");
          function =
              requester.contains(":") ? requester.substring(requester.indexOf(':') + 1) : null;
        }
        out.add(eni, function);
        String zone = ni.path("AvailabilityZone").asText("");
        if (function != null && zone.length() > 1) {
          // us-east-1a is in us-east-1 (zone ids such as use1-az1 are another field).
          out.region(eni, zone.substring(0, zone.length() - 1));
        }
      }
      return out;
    }
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("[\\s,]+");
      if (f.length < 2 || !ENI.matcher(f[0]).matches()) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": expected an interface id (eni-…) and a function");
      }
      String function = f[1];
      int colon = function.indexOf(":function:");
      if (colon >= 0) {
        function = function.substring(colon + ":function:".length()).split(":")[0];
      }
      out.add(f[0], function);
    }
    return out;
  }

  private static String readAll(Reader in) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  private static String text(Event event, String path) {
    List<FieldValue> values = event.values(path);
    return values.isEmpty() ? null : values.get(0).text();
  }
}
