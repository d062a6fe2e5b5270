package io.trailhound.investigate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows credentials back to the identity behind them: access key to IAM user; temporary key to
 * the STS call that issued it, and that call's caller in turn (role chains, across accounts);
 * source identity, SAML subject, web identity and Identity Center user to the human; and, where
 * identity-provider logs were read ({@code okta}, {@code entra}, {@code m365} events), the human's
 * sign-ins by name and then by address and time.
 */
final class ActorResolver {

  private static final int MAX_DEPTH = 12;
  private static final long IDP_WINDOW_SECONDS = 15 * 60;

  private final EventLookup lookup;

  ActorResolver(EventLookup lookup) {
    this.lookup = lookup;
  }

  ResolvedActor resolve(List<EventRecord> seeds) {
    State s = new State();
    Deque<EventRecord> work = new ArrayDeque<>(seeds);
    Set<String> visited = new LinkedHashSet<>();
    int depth = 0;
    while (!work.isEmpty() && depth++ < MAX_DEPTH * Math.max(1, seeds.size())) {
      EventRecord r = work.poll();
      String self = r.principalArn() != null ? r.principalArn() : r.userName();
      if (self != null && s.principal == null) {
        s.principal = self;
      }
      principalIdentity(s, r);
      String key = r.accessKeyId();
      if (key == null || !visited.add(key)) {
        continue;
      }
      s.add("access-key", key);
      if (self != null) {
        s.link(key, self, "key-of", r.id());
      }
      Optional<EventRecord> issuer = lookup.issuing(key);
      if (issuer.isPresent()) {
        EventRecord i = issuer.get();
        String kind = issueKind(i.api());
        String by = callerOf(i);
        s.link(self != null ? self : key, by, kind, i.id());
        federation(s, i);
        if (kind.equals("key-created-by")) {
          continue;
        }
        work.add(i);
      } else if (r.issuerArn() != null && !r.issuerArn().equals(self)) {
        s.link(self != null ? self : key, r.issuerArn(), "session-of-role", r.id());
        if (r.issuerArn().contains(":user/")) {
          s.add("iam-user", r.issuerArn());
        } else if (r.issuerArn().endsWith(":root")) {
          s.add("root", r.issuerArn());
        } else {
          s.add("role", r.issuerArn());
        }
      }
    }
    idpSignIns(s, seeds);
    String display =
        s.first("email", "saml-subject", "identity-center-user", "web-identity", "source-identity");
    return new ResolvedActor(
        display != null ? display : s.principal == null ? "unknown" : s.principal,
        s.principal,
        s.root,
        s.identities,
        s.links);
  }

  private static void principalIdentity(State s, EventRecord r) {
    String arn = r.principalArn();
    if (arn != null) {
      if (arn.endsWith(":root")) {
        s.root = true;
        s.add("root", arn);
      } else if (arn.contains(":user/")) {
        s.add("iam-user", arn);
      } else if (arn.contains(":assumed-role/")) {
        s.add("role-session", arn);
        if (r.issuerArn() != null) {
          s.add("role", r.issuerArn());
        }
      } else if (arn.contains(":federated-user/")) {
        s.add("federated-user", arn);
      } else {
        s.add("principal", arn);
      }
    } else if (r.userName() != null && !"cloudtrail".equals(r.sourceType())) {
      s.add("idp-user", r.userName());
    }
    if (r.sourceIdentity() != null) {
      s.add("source-identity", r.sourceIdentity());
      if (arn != null) {
        s.link(arn, r.sourceIdentity(), "source-identity", r.id());
      }
    }
    String onBehalf = r.field("userIdentity.onBehalfOf.userId");
    if (onBehalf != null) {
      s.add("identity-center-user", onBehalf);
      s.link(arn == null ? "session" : arn, onBehalf, "on-behalf-of", r.id());
    }
    if (r.sessionName() != null && r.sessionName().contains("@")) {
      s.add("email", r.sessionName().toLowerCase(Locale.ROOT));
    }
  }

  private static void federation(State s, EventRecord i) {
    String subject = i.field("responseElements.subject");
    if (subject != null) {
      s.add(subject.contains("@") ? "email" : "saml-subject", subject);
      s.federations.put(i.id(), i);
      String provider = i.field("requestParameters.principalArn");
      s.link(
          i.field("responseElements.assumedRoleUser.arn") == null
              ? "session"
              : i.field("responseElements.assumedRoleUser.arn"),
          subject + (provider == null ? "" : " via " + provider),
          "saml-subject",
          i.id());
    }
    String web = i.field("responseElements.subjectFromWebIdentityToken");
    if (web != null) {
      String provider = i.field("responseElements.provider");
      s.add("web-identity", (provider == null ? "" : provider + "/") + web);
    }
    if (i.sourceIdentity() != null) {
      s.add("source-identity", i.sourceIdentity());
    }
    String requested = i.field("requestParameters.sourceIdentity");
    if (requested != null) {
      s.add("source-identity", requested);
    }
    String session = i.field("requestParameters.roleSessionName");
    if (session != null && session.contains("@")) {
      s.add("email", session.toLowerCase(Locale.ROOT));
    }
  }

  /** Okta / Entra / M365 sign-ins of the human: by name first, else same address near in time. */
  private void idpSignIns(State s, List<EventRecord> seeds) {
    Set<String> humans = new LinkedHashSet<>();
    humans.addAll(s.values("email"));
    humans.addAll(s.values("saml-subject"));
    humans.addAll(s.values("identity-center-user"));
    for (String human : humans) {
      for (EventRecord e : lookup.byPrincipal(human, null, null)) {
        if (!"cloudtrail".equals(e.sourceType())) {
          s.add("idp-user", human);
          s.link(human, e.sourceType() + ":" + human, "idp-sign-in", e.id());
          break;
        }
      }
    }
    if (humans.isEmpty() || !s.values("idp-user").isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    humans.forEach(h -> names.add(h.toLowerCase(Locale.ROOT)));
    for (Link l : List.copyOf(s.links)) {
      if (!l.kind().equals("saml-subject")) {
        continue;
      }
      // the federation call is at hand: a store finds an event by id only by scanning every id
      EventRecord known = s.federations.get(l.evidence());
      Optional<EventRecord> federation =
          known != null ? Optional.of(known) : lookup.byId(l.evidence());
      if (federation.isEmpty() || federation.get().ip() == null) {
        continue;
      }
      Instant t = federation.get().time();
      EventRecord named = null;
      EventRecord any = null;
      for (EventRecord e :
          lookup.byIp(
              federation.get().ip(),
              t.minusSeconds(IDP_WINDOW_SECONDS),
              t.plusSeconds(IDP_WINDOW_SECONDS))) {
        if (!IdentityBridge.fromIdentityProvider(e)) {
          continue;
        }
        // the person's own record at that address, nearest the federation call, over anyone's
        if (names.contains(IdentityBridge.person(e)) && (named == null || nearer(e, named, t))) {
          named = e;
        } else if (any == null && e.userName() != null) {
          any = e;
        }
      }
      if (named != null) {
        String human = IdentityBridge.person(named);
        s.add("idp-user", human);
        s.link(human, named.sourceType() + ":" + human, "idp-sign-in", named.id());
      } else if (any != null) {
        s.add("idp-user", any.userName());
        s.link(l.to(), any.sourceType() + ":" + any.userName(), "idp-sign-in-by-address", any.id());
      }
    }
  }

  private static boolean nearer(EventRecord a, EventRecord b, Instant t) {
    return Math.abs(a.time().getEpochSecond() - t.getEpochSecond())
        < Math.abs(b.time().getEpochSecond() - t.getEpochSecond());
  }

  private static String callerOf(EventRecord i) {
    if (i.principalArn() != null) {
      return i.principalArn();
    }
    String subject = i.field("responseElements.subject");
    if (subject != null) {
      return subject;
    }
    String web = i.field("responseElements.subjectFromWebIdentityToken");
    if (web != null) {
      return web;
    }
    return i.invokedBy() != null ? i.invokedBy() : i.ip() == null ? "unknown" : i.ip();
  }

  static String issueKind(String api) {
    if (api == null) {
      return "issued-by";
    }
    return switch (api) {
      case "AssumeRole" -> "issued-by-assume-role";
      case "AssumeRoleWithSAML" -> "issued-by-saml";
      case "AssumeRoleWithWebIdentity" -> "issued-by-web-identity";
      case "GetSessionToken" -> "issued-by-session-token";
      case "GetFederationToken" -> "issued-by-federation-token";
      case "CreateAccessKey" -> "key-created-by";
      default -> "issued-by";
    };
  }

  private static final class State {
    final List<Identity> identities = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final Set<Identity> seen = new LinkedHashSet<>();
    final Set<Link> seenLinks = new LinkedHashSet<>();
    final java.util.Map<String, EventRecord> federations = new java.util.HashMap<>();
    String principal;
    boolean root;

    void add(String kind, String value) {
      Identity i = new Identity(kind, value);
      if (seen.add(i)) {
        identities.add(i);
      }
    }

    void link(String from, String to, String kind, String evidence) {
      Link l = new Link(from, to, kind, evidence);
      if (seenLinks.add(l)) {
        links.add(l);
      }
    }

    List<String> values(String kind) {
      return identities.stream().filter(i -> i.kind().equals(kind)).map(Identity::value).toList();
    }

    String first(String... kinds) {
      for (String k : kinds) {
        List<String> v = values(k);
        if (!v.isEmpty()) {
          return v.get(0);
        }
      }
      return null;
    }
  }
}
