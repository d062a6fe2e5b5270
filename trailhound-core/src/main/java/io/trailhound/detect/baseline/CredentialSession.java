package io.trailhound.detect.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * One resource credential's calls (an instance role session, a Lambda or ECS session): the
 * addresses it called from, with first and last time, and, for this run, the calls through another
 * account's VPC endpoint. Kept in the {@link ProfileStore} so a later run knows the instance's own
 * addresses. Guarded by its own lock.
 */
final class CredentialSession {

  final String arn;
  final String account;
  final boolean instance;
  final String issuerType;
  final ValueSet addresses = new ValueSet();
  final List<Sighting> foreignEndpoints = new ArrayList<>();
  final List<String> endpointAccounts = new ArrayList<>();
  long first = Long.MAX_VALUE;
  long last = Long.MIN_VALUE;

  CredentialSession(String arn, String account, boolean instance, String issuerType) {
    this.arn = arn;
    this.account = account;
    this.instance = instance;
    this.issuerType = issuerType;
  }

  /** Forgets this run's reportable material once evaluated (what stays is state). */
  void settle() {
    addresses.markAllKnown();
    foreignEndpoints.clear();
    endpointAccounts.clear();
  }
}
