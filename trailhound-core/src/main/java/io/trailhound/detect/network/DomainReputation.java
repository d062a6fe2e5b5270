package io.trailhound.detect.network;

import java.util.List;

/** Threat intel on domains: a listed domain covers its subdomains. */
public interface DomainReputation {

  /** Nothing is listed. */
  DomainReputation NONE = name -> List.of();

  /** Entries covering {@code name} (lower case, no trailing dot) or a parent of it. */
  List<IntelMatch> domain(String name);
}
