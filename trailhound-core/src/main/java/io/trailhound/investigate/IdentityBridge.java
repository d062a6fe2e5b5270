package io.trailhound.investigate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows a person from their identity-provider records (Okta, Entra ID, Microsoft 365) into AWS:
 * the person's other records from the suspicious addresses, the SAML, web-identity or IAM Identity
 * Center sessions they opened from there (the federation call names them: SAML subject, role
 * session name or source identity), and the IAM user named after them using its key from there.
 *
 * <p>Only what came from the finding's addresses, at or after the person's first record from that
 * address, is the attacker's: a hijacked Okta session's AWS activity comes from the thief's
 * address, while the victim's own sessions from home are theirs, not evidence.
 */
final class IdentityBridge {

  /** Log types of identity providers. */
  static final Set<String> SOURCES = Set.of("okta", "entra", "m365");

  /** The person's records and AWS calls the bridge adds to the footprint, in time order. */
  final List<EventRecord> events;

  /** Identities the bridge found: the person, the sessions and keys they used in AWS. */
  final List<Identity> identities;

  /** Each link with the call that proves it. */
  final List<Link> links;

  private IdentityBridge(List<EventRecord> events, List<Identity> identities, List<Link> links) {
    this.events = List.copyOf(events);
    this.identities = List.copyOf(identities);
    this.links = List.copyOf(links);
  }

  static final IdentityBridge NONE = new IdentityBridge(List.of(), List.of(), List.of());

  static boolean fromIdentityProvider(EventRecord e) {
    return SOURCES.contains(e.sourceType());
  }

  /** The person an identity-provider record names, lower-cased, or null. */
  static String person(EventRecord e) {
    String email = e.field(EventRecord.EMAIL);
    if (email == null && e.userName() != null && e.userName().indexOf('@') > 0) {
      email = e.userName();
    }
    return email == null ? null : email.toLowerCase(Locale.ROOT);
  }

  /**
   * The suspicious addresses of identity-provider seeds that all belong to one session used from
   * several addresses: the session was established (password, MFA) at the first address, so the
   * later ones replayed it. Any other seeds keep every address.
   */
  static Set<String> scope(List<EventRecord> seeds, Set<String> addresses) {
    if (addresses.size() < 2 || seeds.isEmpty()) {
      return addresses;
    }
    String session = seeds.get(0).sessionName();
    EventRecord first = seeds.get(0);
    for (EventRecord s : seeds) {
      if (!fromIdentityProvider(s) || session == null || !session.equals(s.sessionName())) {
        return addresses;
      }
      first = EventRecord.ORDER.compare(s, first) < 0 ? s : first;
    }
    Set<String> later = new LinkedHashSet<>(addresses);
    later.remove(first.ip());
    return later.isEmpty() ? addresses : later;
  }

  /** The bridge from the identity-provider seeds' person, scoped to {@code ips}. */
  static IdentityBridge follow(List<EventRecord> seeds, Set<String> ips, EventLookup lookup) {
    Set<String> people = new LinkedHashSet<>();
    for (EventRecord s : seeds) {
      if (fromIdentityProvider(s) && person(s) != null) {
        people.add(person(s));
      }
    }
    if (people.isEmpty() || ips.isEmpty()) {
      return NONE;
    }
    Map<String, EventRecord> events = new LinkedHashMap<>();
    Set<Identity> identities = new LinkedHashSet<>();
    Set<Link> links = new LinkedHashSet<>();
    people.forEach(p -> identities.add(new Identity("email", p)));
    for (String ip : ips) {
      Instant signedIn = null;
      for (EventRecord e : lookup.byIp(ip, null, null)) {
        if (fromIdentityProvider(e)) {
          if (people.contains(person(e))) {
            signedIn = signedIn == null ? e.time() : signedIn;
            events.putIfAbsent(e.id(), e);
          }
          continue;
        }
        if (signedIn == null || e.failed()) {
          continue; // before the person was seen at this address: not the same hands
        }
        String who = federated(e, people);
        if (who != null) {
          events.putIfAbsent(e.id(), e);
          String session = e.field("responseElements.assumedRoleUser.arn");
          String key = e.field(EventRecord.ISSUED_KEY);
          if (session != null) {
            // Not a "role-session": its ARN is the same for the person's own sessions from home;
            // the issued key is what tells the attacker's session apart (and joins incidents).
            identities.add(new Identity("person-session", session));
          }
          if (key != null) {
            identities.add(new Identity("access-key", key));
          }
          links.add(
              new Link(
                  who,
                  session != null ? session : e.principalArn() != null ? e.principalArn() : ip,
                  "aws-session-from-sign-in-address",
                  e.id()));
          continue;
        }
        String owner = keyOwner(e, people);
        if (owner != null) {
          events.putIfAbsent(e.id(), e);
          identities.add(new Identity("iam-user", e.principalArn()));
          identities.add(new Identity("access-key", e.accessKeyId()));
          links.add(new Link(owner, e.principalArn(), "access-key-from-sign-in-address", e.id()));
        }
      }
    }
    List<EventRecord> sorted = new ArrayList<>(events.values());
    sorted.sort(EventRecord.ORDER);
    return new IdentityBridge(sorted, new ArrayList<>(identities), keepFirst(links));
  }

  /** One link per identity pair: the earliest call proves it. */
  private static List<Link> keepFirst(Set<Link> links) {
    Map<String, Link> first = new LinkedHashMap<>();
    for (Link l : links) {
      first.putIfAbsent(l.from() + "\n" + l.to() + "\n" + l.kind(), l);
    }
    return new ArrayList<>(first.values());
  }

  /**
   * The person a CloudTrail call was made as through federation: the SAML subject or caller name,
   * the role session name (IAM Identity Center names sessions by the user's email) or the source
   * identity. Null when the call is someone else's.
   */
  private static String federated(EventRecord e, Set<String> people) {
    for (String name :
        new String[] {
          e.field("responseElements.subject"),
          e.field("requestParameters.roleSessionName"),
          e.field("requestParameters.sourceIdentity"),
          e.sessionName(),
          e.sourceIdentity(),
          e.principalArn() == null ? e.userName() : null
        }) {
      if (name != null && people.contains(name.toLowerCase(Locale.ROOT))) {
        return name.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * The person whose IAM user made the call with its long-term key: the user is named after the
   * email's local part ({@code heidi}, {@code heidi.cli}, {@code heidi@example.com}).
   */
  private static String keyOwner(EventRecord e, Set<String> people) {
    String arn = e.principalArn();
    if (arn == null || !arn.contains(":user/") || e.accessKeyId() == null) {
      return null;
    }
    String user = arn.substring(arn.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String p : people) {
      int at = p.indexOf('@');
      String local = at > 0 ? p.substring(0, at) : p;
      if (user.equals(p)
          || user.equals(local)
          || user.length() > local.length()
              && user.startsWith(local)
              && ".-_+".indexOf(user.charAt(local.length())) >= 0) {
        return p;
      }
    }
    return null;
  }

  /** {@code actor} with the bridge's identities and links; the person names it when unnamed. */
  ResolvedActor onto(ResolvedActor actor) {
    if (identities.isEmpty() && links.isEmpty()) {
      return actor;
    }
    List<Identity> ids = new ArrayList<>(actor.identities());
    identities.stream().filter(i -> !ids.contains(i)).forEach(ids::add);
    List<Link> all = new ArrayList<>(actor.links());
    links.stream().filter(l -> !all.contains(l)).forEach(all::add);
    String display = actor.values("email").isEmpty() ? firstEmail() : actor.display();
    return new ResolvedActor(display, actor.principal(), actor.root(), ids, all);
  }

  private String firstEmail() {
    return identities.stream()
        .filter(i -> i.kind().equals("email"))
        .map(Identity::value)
        .findFirst()
        .orElseThrow();
  }
}
