package io.trailhound.simulate.scenario;

import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.Ec2Shapes;
import io.trailhound.simulate.cloudtrail.IamShapes;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.cloudtrail.S3Shapes;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Org;
import io.trailhound.simulate.org.Person;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** What a scenario plans with: the org, a target account, a start time, seeded draws. */
public final class ScenarioContext {

  private static final String[] ATTACKER_NETS = {
    "185.220.101.", "45.155.205.", "193.142.146.", "5.188.206.", "194.165.16.", "103.251.167."
  };
  private static final String[] ATTACKER_AGENTS = {
    "aws-cli/2.17.32 md/awscrt#0.21.2 ua/2.0 os/linux#6.8.11-amd64 md/arch#x86_64"
        + " lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe"
        + " md/distrib#kali.2024 md/prompt#off",
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.0-21-amd64 md/arch#x86_64"
        + " lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
    "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/iam#1.34.3",
    "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off"
  };

  private final Org org;
  private final Account account;
  private final Instant start;
  private final Calls calls;

  public ScenarioContext(Org org, Account account, Instant start, Calls calls) {
    this.org = org;
    this.account = account;
    this.start = start;
    this.calls = calls;
  }

  public Org org() {
    return org;
  }

  public Account account() {
    return account;
  }

  public Instant start() {
    return start;
  }

  public Calls calls() {
    return calls;
  }

  public SplittableRandom random() {
    return calls.ids().random();
  }

  public IamShapes iam() {
    return new IamShapes(calls);
  }

  public S3Shapes s3() {
    return new S3Shapes(calls);
  }

  public Ec2Shapes ec2() {
    return new Ec2Shapes(calls);
  }

  /** {@code start} plus a few seconds to minutes: the pace of a scripted or hands-on attacker. */
  public Instant after(Instant t, int minSeconds, int maxSeconds) {
    return t.plusSeconds(minSeconds + random().nextInt(maxSeconds - minSeconds + 1));
  }

  public <T> T pick(List<T> items) {
    return items.get(random().nextInt(items.size()));
  }

  public String pick(String... items) {
    return items[random().nextInt(items.length)];
  }

  /** An address none of the organisation's people or workloads use. */
  public String attackerIp() {
    return pick(ATTACKER_NETS) + (2 + random().nextInt(250));
  }

  public String attackerAgent() {
    return pick(ATTACKER_AGENTS);
  }

  /** A person with a long-term key in the account, or the account's dormant legacy user. */
  public Person keyHolder() {
    return keyHolder(account);
  }

  /** A person with a long-term key in {@code a}, or its dormant legacy user. */
  public Person keyHolder(Account a) {
    List<Person> here = a.keyHolders().stream().filter(p -> org.keyAccount(p) == a).toList();
    return here.isEmpty() || random().nextInt(3) == 0 ? a.legacyUser() : pick(here);
  }

  /** The leaked long-term key of {@code p}, used by the attacker from their own machine. */
  public Caller leakedKey(Person p, String ip, String agent) {
    return new Caller(
        new Identity.IamUser(account.id(), p.iamUser(), p.userId(), p.accessKeyId(), null, false),
        ip,
        agent,
        false);
  }

  /** An AWS account outside the organisation. */
  public String outsideAccount() {
    return String.format(Locale.ROOT, "%012d", 900000000000L + random().nextLong(99999999999L));
  }
}
