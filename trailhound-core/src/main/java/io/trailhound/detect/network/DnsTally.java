package io.trailhound.detect.network;

import io.trailhound.event.net.DnsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeSet;

/** {@link Tally} for queries: counts, time span, context and a few names, order-independent. */
final class DnsTally {

  final String level;
  long count;
  long nx;
  Instant first;
  Instant last;
  String account;
  String region;
  String instance;
  final TreeSet<String> names = new TreeSet<>();
  final TreeSet<String> notes = new TreeSet<>();

  DnsTally(String level) {
    this.level = level;
  }

  synchronized void add(DnsQuery q, String name, String note) {
    count++;
    if ("NXDOMAIN".equals(q.rcode())) {
      nx++;
    }
    first = first == null || q.time().isBefore(first) ? q.time() : first;
    last = last == null || q.time().isAfter(last) ? q.time() : last;
    account = min(account, q.accountId());
    region = min(region, q.region());
    instance = min(instance, q.instanceId());
    keep(names, name, 5);
    keep(notes, note, 5);
  }

  NetworkAlert alert(String id, String type, String asker, Instant window, String text) {
    return new NetworkAlert(
        id,
        type,
        level,
        account,
        region,
        asker,
        instance,
        null,
        new ArrayList<>(names),
        first,
        last,
        count,
        window,
        text);
  }

  private static void keep(TreeSet<String> set, String v, int max) {
    if (v != null) {
      set.add(v);
      if (set.size() > max) {
        set.pollLast();
      }
    }
  }

  private static String min(String a, String b) {
    // Ids are shared strings (the reader interns them): the same one is the common case.
    if (a == b || a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }
}
