package io.trailhound.simulate.activity;

import io.trailhound.simulate.cloudtrail.Call;
import io.trailhound.simulate.cloudtrail.Caller;
import io.trailhound.simulate.cloudtrail.Calls;
import io.trailhound.simulate.cloudtrail.Identity;
import io.trailhound.simulate.org.Account;
import io.trailhound.simulate.org.Org;
import io.trailhound.simulate.org.Person;
import io.trailhound.simulate.org.Workload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Benign activity of the organisation, one window at a time: people during their working hours,
 * workloads around the clock, AWS service events. {@code scale} multiplies every rate.
 */
public final class Background {

  private final Org org;
  private final double scale;
  private final SplittableRandom random;
  private final PersonActivity people;
  private final WorkloadActivity workloads;
  private final Calls calls;
  private final FederationActivity federation;

  public Background(Org org, Calls calls, double scale) {
    this.org = org;
    this.scale = scale;
    this.calls = calls;
    this.random = calls.ids().random();
    this.people = new PersonActivity(org, calls);
    this.federation = new FederationActivity(calls);
    this.workloads = new WorkloadActivity(calls, federation);
  }

  /** Emits the benign calls of the window {@code [start, start + length)}. */
  public void window(Instant start, Duration length, Consumer<Call> sink) {
    double hours = length.toMillis() / 3_600_000.0;
    for (Account a : org.accounts()) {
      for (Person p : a.people()) {
        if (Rhythm.working(start, p.utcOffset(), p.startHour(), p.hours())) {
          boolean firstWindow = people.firstWindowOfDay(start, length, p);
          if (firstWindow && p.accessKeyId() != null && org.keyAccount(p) == a) {
            sink.accept(people.signIn(a, p, at(start, length)));
          }
          if (firstWindow) {
            sink.accept(federation.samlSignIn(a, p, people.session(a, p, start), start));
          }
          int n = Rhythm.poisson(random, p.activity() * hours * scale);
          for (int i = 0; i < n; i++) {
            sink.accept(people.call(a, p, at(start, length)));
          }
        }
      }
      double load = Rhythm.machineLoad(start);
      for (Workload w : a.workloads()) {
        double rate = w.kind() == Workload.Kind.CI ? ciRate(start, a) : load;
        if (refresh(start, length, w)) {
          Instant period = WorkloadActivity.period(w, start.plus(length).minusSeconds(1));
          sink.accept(workloads.refresh(a, w, period));
        }
        int n = Rhythm.poisson(random, w.perHour() * hours * scale * rate);
        for (int i = 0; i < n; i++) {
          sink.accept(workloads.call(a, w, at(start, length)));
        }
      }
      if (a.management()) {
        int n = Rhythm.poisson(random, PORTAL_PER_HOUR * hours * scale * ciRate(start, a));
        for (int i = 0; i < n; i++) {
          federation.portal(a, at(start, length), sink);
        }
      }
      if (start.atZone(ZoneOffset.UTC).getHour() == 3 && start.getEpochSecond() % 3600 == 0) {
        sink.accept(serviceEvent(a, at(start, length)));
      }
    }
  }

  /** Federation tokens the reporting portal hands out per working hour. */
  private static final double PORTAL_PER_HOUR = 1.5;

  private double ciRate(Instant t, Account a) {
    Person anyone = a.people().get(0);
    return Rhythm.working(t, anyone.utcOffset(), 8, 10) ? 2.0 : 0.1;
  }

  /**
   * Instance, function and OIDC pipeline credentials are refreshed once an hour, each workload at
   * its own minute; the window holding that minute emits the refresh.
   */
  private static boolean refresh(Instant start, Duration length, Workload w) {
    if (w.kind() == Workload.Kind.CI && !FederationActivity.oidc(w)) {
      return false;
    }
    Instant period = WorkloadActivity.period(w, start.plus(length).minusSeconds(1));
    return !period.isBefore(start);
  }

  private Call serviceEvent(Account a, Instant t) {
    String key = a.id() + ":" + a.name();
    String keyArn =
        "arn:aws:kms:"
            + a.home()
            + ":"
            + a.id()
            + ":key/"
            + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    return calls
        .api(
            new Caller(new Identity.Internal(a.id()), "AWS Internal", "AWS Internal", false),
            t,
            "kms.amazonaws.com",
            "RotateKey",
            a.home())
        .account(a.id())
        .eventType("AwsServiceEvent")
        .noTls()
        .resource(keyArn, a.id(), "AWS::KMS::Key")
        .serviceEventDetails(g -> g.writeStringField("keyId", keyArn))
        .build();
  }

  private Instant at(Instant start, Duration length) {
    return start.plusSeconds(random.nextLong(length.toSeconds()));
  }
}
