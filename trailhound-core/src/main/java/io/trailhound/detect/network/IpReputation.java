package io.trailhound.detect.network;

import java.util.List;

/** Threat intel on addresses, as the network detectors need it. */
public interface IpReputation {

  /** Nothing is listed. */
  IpReputation NONE =
      new IpReputation() {
        @Override
        public List<IntelMatch> lookup(long ipv4) {
          return List.of();
        }

        @Override
        public List<IntelMatch> lookup(String address) {
          return List.of();
        }
      };

  /** Entries covering an IPv4 address held as a number (see {@code Addresses}); empty if none. */
  List<IntelMatch> lookup(long ipv4);

  /** Entries covering an address given as text (IPv4 or IPv6). */
  List<IntelMatch> lookup(String address);
}
