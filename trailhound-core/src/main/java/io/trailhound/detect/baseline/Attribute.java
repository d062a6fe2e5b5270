package io.trailhound.detect.baseline;

/** What a profile learns about its actor, one bounded set of values each. */
enum Attribute {
  /** ISO country code of the caller address (needs enrichment). */
  COUNTRY("countries"),
  /** Autonomous system number of the caller address, as a {@code Long} (needs enrichment). */
  ASN("asns"),
  /** The caller's /24 (IPv4) or /48 (IPv6) network, as a {@code Long} key (see IpAddresses). */
  PREFIX("prefixes"),
  /** AWS region of the call. */
  REGION("regions"),
  /** Normalised user-agent family ({@code aws-cli/2.x}, {@code Boto3}, {@code console}). */
  USER_AGENT("user_agents"),
  /** API category name (see api-categories.tsv). */
  CATEGORY("categories"),
  /** Instance types the actor launched with RunInstances. */
  INSTANCE_TYPE("instance_types"),
  /** Regions the actor launched instances in. */
  LAUNCH_REGION("launch_regions");

  static final Attribute[] ALL = values();

  private final String key;

  Attribute(String key) {
    this.key = key;
  }

  /** The member name in the state file. */
  String key() {
    return key;
  }

  /** Whether values are numbers ({@code Long}) rather than text. */
  boolean numeric() {
    return this == ASN || this == PREFIX;
  }

  static Attribute fromKey(String key) {
    for (Attribute a : ALL) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    return null;
  }
}
