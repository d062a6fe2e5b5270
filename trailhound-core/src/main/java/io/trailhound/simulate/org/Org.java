package io.trailhound.simulate.org;

import java.time.Instant;
import java.util.List;

/** The synthetic organisation: its accounts (the first is the management account). */
public record Org(String orgId, List<Account> accounts, Instant start, Instant end) {

  public Org {
    accounts = List.copyOf(accounts);
  }

  public Account management() {
    return accounts.get(0);
  }

  /** The account holding the person's IAM user (the first account they work in). */
  public Account keyAccount(Person p) {
    return accounts.stream().filter(a -> a.people().contains(p)).findFirst().orElseThrow();
  }

  /** Every region any account uses; a region outside it is one the organisation never touches. */
  public boolean usesRegion(String region) {
    return accounts.stream().anyMatch(a -> a.regions().contains(region));
  }
}
