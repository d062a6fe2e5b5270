package io.trailhound.intel;

import java.util.List;

/** What an entry carries beyond its value; shared by all entries that carry the same. */
record EntryMeta(int confidence, List<String> labels, String reference) {
  EntryMeta {
    labels = List.copyOf(labels);
  }
}
