package io.trailhound.detect.baseline;

import io.trailhound.enrich.IpEnricher;
import io.trailhound.enrich.IpInfo;
import io.trailhound.event.Actor;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.FieldValue;
import io.trailhound.event.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-actor behaviour baselines for one scan. {@link #accept} is called concurrently from reader
 * threads, in any order; it only learns (first and last seen, counts, bounded value sets, compact
 * per-run buffers). {@link #finish} evaluates every profile on event time, so results do not depend
 * on the order events arrived in, and settles the store for saving.
 *
 * <p>An event feeds the profile of its long-term access key, of its principal ARN and of its role
 * (session issuer). Calls made by AWS services ({@code AWSService} identities, {@code invokedBy})
 * are not the actor's behaviour and are skipped.
 */
public final class BaselineDetector {

  /** Raw CloudTrail paths the detector reads beyond the normalised view. */
  public static final Set<String> PATHS;

  static {
    Set<String> paths = new HashSet<>(CredentialWatch.PATHS);
    paths.add("requestParameters.instanceType");
    PATHS = Set.copyOf(paths);
  }

  private static final int IP_CACHE_LIMIT = 100_000;
  private static final int MAX_API_IDS = 100_000;

  private final BaselineConfig config;
  private final IpEnricher enricher;
  private final ProfileStore store;
  private final ApiCategories categories = ApiCategories.builtin();
  private final CredentialWatch credentials;
  private final ConcurrentHashMap<String, IpInfo> ipCache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Integer>> apiIds =
      new ConcurrentHashMap<>();
  private final AtomicInteger nextApiId = new AtomicInteger();

  public BaselineDetector(BaselineConfig config, IpEnricher enricher, ProfileStore store) {
    this.config = config;
    this.enricher = enricher;
    this.store = store;
    this.credentials = new CredentialWatch(config, store);
  }

  public ProfileStore store() {
    return store;
  }

  /** Learns from one event. Thread-safe. */
  public void accept(Event event) {
    EventView v = event.view();
    Actor a = v.actor();
    if ("AWSService".equals(a.type()) || a.invokedBy() != null) {
      return;
    }
    String rawIp = v.source().ip();
    long prefix = IpAddresses.prefixKey(rawIp);
    String ip = prefix == IpAddresses.NONE ? null : rawIp;
    IpInfo info = ip == null ? IpInfo.UNKNOWN : lookup(ip);
    String type = null;
    if ("RunInstances".equals(v.api()) && "ec2.amazonaws.com".equals(v.service())) {
      type = text(event, "requestParameters.instanceType");
      type = type == null ? "unknown" : type;
    }
    Observation o =
        new Observation(
            v,
            ip,
            info,
            prefix,
            UserAgents.family(v.source().userAgent()),
            categories.of(v.service(), v.api()),
            type);
    int cap = store.maxValues();
    Profile principal = null;
    Profile key = null;
    String keyId = a.accessKeyId();
    if (keyId != null && keyId.startsWith("AKIA")) {
      key = store.profile(ActorKind.ACCESS_KEY, keyId);
      key.observe(o, cap);
    }
    if (a.principalArn() != null) {
      principal = store.profile(ActorKind.PRINCIPAL, a.principalArn());
      principal.observe(o, cap);
    }
    if ("Role".equals(a.sessionIssuerType()) && a.sessionIssuerArn() != null) {
      store.profile(ActorKind.ROLE, a.sessionIssuerArn()).observe(o, cap);
    }
    Profile primary = principal != null ? principal : key;
    if (primary != null) {
      if (denied(v.outcome())) {
        primary.observeDenied(o);
      }
      int api = discoveryApi(v, o.category);
      if (api >= 0) {
        primary.observeDiscovery(o, api);
      }
    }
    if (principal != null
        && "ConsoleLogin".equals(v.api())
        && v.outcome().success()
        && info.country() != null) {
      principal.observeLogin(o);
    }
    credentials.observe(event, o);
  }

  /**
   * Evaluates every profile and returns the anomalies, sorted by time; afterwards the store holds
   * this run's learning and nothing reported here is reported again by a later run on the same
   * state.
   */
  public List<BaselineAlert> finish() {
    FirstSeenEvaluator firstSeen = new FirstSeenEvaluator(config.learning().toMillis(), enricher);
    WindowEvaluator windows = new WindowEvaluator(config, CountryCentroids.builtin());
    List<BaselineAlert> firstSeenAlerts = new ArrayList<>();
    List<BaselineAlert> out = new ArrayList<>();
    for (Profile p : store.all()) {
      synchronized (p) {
        if (p.events == 0) {
          continue;
        }
        firstSeen.evaluate(p, firstSeenAlerts);
        windows.evaluate(p, out);
        p.settle();
      }
    }
    out.addAll(mostSpecific(firstSeenAlerts));
    credentials.evaluate(out);
    store.pruneSessions();
    out.sort(
        Comparator.comparing(BaselineAlert::firstSeen)
            .thenComparing(BaselineAlert::detectorId)
            .thenComparing(BaselineAlert::actorId)
            .thenComparing(BaselineAlert::subject));
    return out;
  }

  /**
   * When a key, its principal and its role all first see the same thing in the same event, the most
   * specific profile reports it.
   */
  private static List<BaselineAlert> mostSpecific(List<BaselineAlert> alerts) {
    Map<List<String>, BaselineAlert> best = new LinkedHashMap<>();
    for (BaselineAlert a : alerts) {
      List<String> key = List.of(a.detectorId(), a.sighting().eventId(), a.subject());
      best.merge(key, a, (x, y) -> x.kind().ordinal() <= y.kind().ordinal() ? x : y);
    }
    return new ArrayList<>(best.values());
  }

  private IpInfo lookup(String ip) {
    IpInfo info = ipCache.get(ip);
    if (info == null) {
      info = enricher.lookup(ip);
      if (info == null) {
        info = IpInfo.UNKNOWN;
      }
      if (ipCache.size() >= IP_CACHE_LIMIT) {
        ipCache.clear();
      }
      ipCache.put(ip, info);
    }
    return info;
  }

  private static boolean denied(Outcome outcome) {
    String code = outcome.errorCode();
    return code != null
        && (code.startsWith("AccessDenied")
            || code.endsWith("UnauthorizedOperation")
            || code.equals("AuthorizationError")
            || code.equals("UnauthorizedAccess"));
  }

  /** A small id for a List/Describe/Get management call, or -1 for anything else. */
  private int discoveryApi(EventView v, Category category) {
    String api = v.api();
    if (api == null
        || v.service() == null
        || "Data".equals(v.eventCategory())
        || category == Category.CREDENTIAL_ACCESS
        || !(api.startsWith("List") || api.startsWith("Describe") || api.startsWith("Get"))) {
      return -1;
    }
    ConcurrentHashMap<String, Integer> ids =
        apiIds.computeIfAbsent(v.service(), s -> new ConcurrentHashMap<>());
    Integer id = ids.get(api);
    if (id == null) {
      if (nextApiId.get() >= MAX_API_IDS) {
        return -1;
      }
      id = ids.computeIfAbsent(api, k -> nextApiId.getAndIncrement());
    }
    return id;
  }

  private static String text(Event event, String path) {
    for (FieldValue fv : event.values(path)) {
      if (fv instanceof FieldValue.Text t) {
        return t.value();
      }
    }
    return null;
  }
}
