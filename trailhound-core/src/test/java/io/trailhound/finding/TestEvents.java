package io.trailhound.finding;

import io.trailhound.event.Actor;
import io.trailhound.event.Endpoint;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.Origin;
import io.trailhound.event.Outcome;
import io.trailhound.event.RawFields;
import io.trailhound.event.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Builds normalised events for finding tests (the reader has its own golden tests). */
public final class TestEvents {

  private TestEvents() {}

  public static Event event(String id, String time, String actorArn, String api) {
    Actor actor =
        new Actor(
            "IAMUser",
            actorArn,
            "AIDAEXAMPLE",
            "111122223333",
            "alice",
            "AKIAEXAMPLEKEY000001",
            null,
            null,
            null,
            false,
            null,
            null);
    EventView view =
        new EventView(
            id,
            Instant.parse(time),
            "111122223333",
            "us-east-1",
            "iam.amazonaws.com",
            api,
            "AwsApiCall",
            "Management",
            false,
            Outcome.SUCCESS,
            actor,
            new Endpoint("203.0.113.7", "aws-cli/2.15.0", null, null),
            List.of(
                new Resource("arn:aws:iam::111122223333:user/backdoor", "AWS::IAM::User", null)));
    byte[] raw = "{}".getBytes(StandardCharsets.UTF_8);
    return new Event("cloudtrail", new Origin("test", 0), raw, view, new RawFields(raw));
  }

  public static RuleInfo rule(String id, Severity severity) {
    return new RuleInfo(
        id,
        id,
        "IAM user created",
        "A new IAM user was created.",
        severity,
        List.of("Persistence:IAMUser/AnomalousBehavior"),
        List.of("T1136.003"),
        List.of("persistence"),
        "test");
  }
}
