package io.trailhound.detect.network;

import io.trailhound.event.net.FlowRecord;
import java.util.TreeSet;

/**
 * Counts of one alert key: how many records, bytes and packets, the time span, and the context
 * (account, region, instance, interface) and remotes, each kept as the smallest values seen so the
 * result does not depend on arrival order. Not thread-safe: flow detectors are confined to their
 * detection shard. Detectors whose state is a tally and its key extend it (one object per key).
 */
class Tally {

  static final int MAX_SAMPLES = 10;

  long count;
  long bytes;
  long packets;
  long accepted;
  long first = Long.MAX_VALUE;
  long last = Long.MIN_VALUE;
  String account;
  String region;
  String instance;
  String iface;
  // Created on first use: most tallies never reach a report, and there can be many of them.
  TreeSet<String> remotes = EMPTY;
  TreeSet<String> notes = EMPTY;
  // The smallest IPv4 remotes, sorted and distinct (v4Size of them): one array, no boxes.
  private long[] v4;
  private int v4Size;

  private static final TreeSet<String> EMPTY = new TreeSet<>();

  void add(FlowRecord r, String remote, String note) {
    record(r);
    if (remote != null) {
      remotes = sample(remotes, remote);
    }
    if (note != null) {
      notes = sample(notes, note);
    }
  }

  /** Like {@link #add(FlowRecord, String, String)}, formatting the remote only when it is kept. */
  void add(FlowRecord r, long remote, String remote6) {
    record(r);
    if (remote >= 0) {
      if (v4 == null) {
        v4 = new long[MAX_SAMPLES];
      }
      if (v4Size < MAX_SAMPLES || remote < v4[v4Size - 1]) {
        int at = java.util.Arrays.binarySearch(v4, 0, v4Size, remote);
        if (at < 0) {
          at = -at - 1;
          int moved = Math.min(v4Size, MAX_SAMPLES - 1) - at;
          System.arraycopy(v4, at, v4, at + 1, moved);
          v4[at] = remote;
          v4Size = Math.min(v4Size + 1, MAX_SAMPLES);
        }
      }
    } else if (remote6 != null) {
      remotes = sample(remotes, remote6);
    }
  }

  /** Counts, time span and context of one record; . */
  private void record(FlowRecord r) {
    count += r.flows();
    bytes += Math.max(r.bytes(), 0);
    packets += Math.max(r.packets(), 0);
    if (r.action() == io.trailhound.event.net.FlowAction.ACCEPT) {
      accepted += r.flows();
    }
    time(r.start(), Math.max(r.end(), r.start()));
    context(r.accountId(), r.region(), r.instanceId(), r.interfaceId());
  }

  /** The kept remotes as text: IPv4 in numeric order, then IPv6. */
  java.util.List<String> remoteTexts() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < v4Size; i++) {
      out.add(io.trailhound.event.net.Addresses.format(v4[i]));
    }
    out.addAll(remotes);
    return out.subList(0, Math.min(out.size(), MAX_SAMPLES));
  }

  void time(long from, long to) {
    first = Math.min(first, from);
    last = Math.max(last, to);
  }

  void context(String acct, String reg, String inst, String eni) {
    account = min(account, acct);
    region = min(region, reg);
    instance = min(instance, inst);
    iface = min(iface, eni);
  }

  private static TreeSet<String> sample(TreeSet<String> set, String v) {
    TreeSet<String> s = set == EMPTY ? new TreeSet<>() : set;
    s.add(v);
    if (s.size() > MAX_SAMPLES) {
      s.pollLast();
    }
    return s;
  }

  private static String min(String a, String b) {
    // Ids are shared strings (the reader interns them): the same one is the common case.
    if (a == b || a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The alert this tally supports: its account, region, instance, interface, time span and count,
   * with the detector's verdict and explanation.
   */
  NetworkAlert alert(
      String detector,
      String type,
      String level,
      String actor,
      java.util.List<String> remoteList,
      long window,
      String text) {
    return new NetworkAlert(
        detector,
        type,
        level,
        account,
        region,
        actor,
        instance,
        iface,
        remoteList,
        Flows.time(first),
        Flows.time(last),
        count,
        Flows.time(window),
        text);
  }
}
