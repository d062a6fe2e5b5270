package io.trailhound.simulate.org;

import io.trailhound.simulate.cloudtrail.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Draws an organisation from a seed: the same seed, the same accounts, people and workloads. */
public final class OrgFactory {

  /** Regions accounts work in; everything else is "never used" for the cryptomining scenario. */
  public static final List<String> HOME_REGIONS =
      List.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1");

  private static final String[] NAMES = {
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
    "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yara"
  };
  private static final String[] ACCOUNT_NAMES = {
    "management", "prod", "staging", "data", "sandbox", "shared-services", "security", "dev"
  };

  /** Home addresses by country (offset hours east of UTC). */
  private static final Object[][] HOMES = {
    {"US", -5, "216.160.83."}, {"US", -8, "24.5.12."}, {"GB", 0, "81.2.69."},
    {"SE", 1, "89.160.20."}, {"DE", 1, "91.64.12."}, {"FR", 1, "90.84.1."}
  };

  private static final String CHROME =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";
  private static final String FIREFOX =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0";
  static final String CLI_MAC =
      "aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6"
          + " md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off";
  static final String CLI_LINUX =
      "aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/linux#6.8.0-1019-aws md/arch#x86_64"
          + " lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe"
          + " md/distrib#ubuntu.24 md/prompt#off";
  static final String TERRAFORM =
      "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io)"
          + " terraform-provider-aws/5.76.0 (+https://registry.terraform.io/providers/hashicorp/aws)"
          + " aws-sdk-go-v2/1.32.4 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64";
  static final String SSM_AGENT = "aws-sdk-go/1.44.326 (go1.21.5; linux; amd64) amazon-ssm-agent/";
  static final String LAMBDA_BOTO =
      "Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64"
          + " md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12"
          + " cfg/retry-mode#legacy Botocore/1.34.145";

  private OrgFactory() {}

  /** An organisation of {@code accounts} accounts active from {@code start} to {@code end}. */
  public static Org create(long seed, int accounts, Instant start, Instant end) {
    SplittableRandom r = new SplittableRandom(seed);
    Ids ids = new Ids(r.split());
    List<Person> staff = new ArrayList<>();
    int people = 4 + 3 * accounts;
    for (int i = 0; i < people; i++) {
      staff.add(person(i, r, ids));
    }
    List<Account> list = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      list.add(account(a, r, ids, staff));
    }
    return new Org("o-" + ids.hex(10), list, start, end);
  }

  private static Person person(int i, SplittableRandom r, Ids ids) {
    String name = NAMES[i % NAMES.length] + (i >= NAMES.length ? String.valueOf(i) : "");
    Object[] home = HOMES[r.nextInt(HOMES.length)];
    boolean engineer = r.nextInt(3) > 0;
    String userName = engineer ? name + (r.nextBoolean() ? ".cli" : "") : null;
    return new Person(
        name,
        (Integer) home[1],
        7 + r.nextInt(4),
        7 + r.nextInt(3),
        home[2].toString() + (2 + r.nextInt(250)),
        home[0].toString(),
        r.nextBoolean() ? CHROME : FIREFOX,
        r.nextBoolean() ? CLI_MAC : CLI_LINUX,
        userName,
        engineer ? ids.principalId("AIDA") : null,
        engineer ? ids.accessKey("AKIA") : null,
        "AWSReservedSSO_" + (engineer ? "PowerUserAccess" : "ReadOnlyAccess") + "_" + ids.hex(16),
        ids.principalId("AROA"),
        engineer ? 25 + r.nextInt(40) : 6 + r.nextInt(10));
  }

  private static Account account(int a, SplittableRandom r, Ids ids, List<Person> staff) {
    String id = String.format(Locale.ROOT, "%012d", 100000000000L + r.nextLong(899999999999L));
    String name = ACCOUNT_NAMES[a % ACCOUNT_NAMES.length] + (a >= ACCOUNT_NAMES.length ? a : "");
    List<String> regions = new ArrayList<>();
    regions.add(HOME_REGIONS.get(r.nextInt(HOME_REGIONS.size())));
    if (r.nextBoolean()) {
      String second = HOME_REGIONS.get(r.nextInt(HOME_REGIONS.size()));
      if (!regions.contains(second)) {
        regions.add(second);
      }
    }
    List<Person> people = new ArrayList<>();
    for (Person p : staff) {
      if (a == 0 ? r.nextInt(3) == 0 : r.nextInt(2) == 0) {
        people.add(p);
      }
    }
    if (people.isEmpty()) {
      people.add(staff.get(a % staff.size()));
    }
    String natIp = "3." + (80 + r.nextInt(150)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    List<Workload> work = new ArrayList<>();
    List<String> instances = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    String ciRole = name + "-github-deploy";
    work.add(
        new Workload(
            Workload.Kind.CI,
            id,
            regions.get(0),
            ciRole,
            ids.principalId("AROA"),
            "GitHubActions-" + ids.hex(8),
            "140.82.112." + (1 + r.nextInt(250)),
            TERRAFORM,
            20 + r.nextInt(30)));
    int nInstances = 2 + r.nextInt(4);
    for (int i = 0; i < nInstances; i++) {
      String instance = ids.resourceId("i");
      instances.add(instance);
      String region = regions.get(r.nextInt(regions.size()));
      work.add(
          new Workload(
              Workload.Kind.INSTANCE,
              id,
              region,
              name + "-app-instance",
              ids.principalId("AROA"),
              instance,
              natIp,
              SSM_AGENT + "3.3.1142.0",
              30 + r.nextInt(60)));
    }
    String[] fnNames = {"thumbnailer", "invoice-export", "log-shipper", "nightly-report"};
    for (int i = 0; i < 2 + r.nextInt(2); i++) {
      String fn = name + "-" + fnNames[(i + a) % fnNames.length];
      functions.add(fn);
      work.add(
          new Workload(
              Workload.Kind.LAMBDA,
              id,
              regions.get(0),
              fn + "-role",
              ids.principalId("AROA"),
              fn,
              "3." + (200 + r.nextInt(50)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)),
              LAMBDA_BOTO,
              40 + r.nextInt(80)));
    }
    List<String> buckets =
        List.of(
            "acme-" + name + "-app-data-" + id,
            "acme-" + name + "-backups-" + id,
            "acme-" + name + "-logs-" + id);
    Person legacy =
        new Person(
            name + "-legacy-deployer",
            0,
            0,
            0,
            null,
            null,
            null,
            CLI_LINUX,
            name + "-legacy-deployer",
            ids.principalId("AIDA"),
            ids.accessKey("AKIA"),
            null,
            null,
            0);
    return new Account(
        id,
        name,
        a == 0,
        regions,
        people,
        work,
        buckets,
        instances,
        functions,
        "acme-org-trail",
        legacy);
  }
}
