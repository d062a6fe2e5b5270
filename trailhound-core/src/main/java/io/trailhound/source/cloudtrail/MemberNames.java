package io.trailhound.source.cloudtrail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The member names of the objects open during a capture, to reject a duplicate name the way
 * Jackson's {@code STRICT_DUPLICATE_DETECTION} does, without its hash set per object (which cost
 * about a sixth of a scan). Names of small objects are compared linearly by hash (kept in an int
 * array beside them, so the scan touches no String), then by equals on a hash match; an object past
 * {@link #LINEAR} members switches to a hash set, so a huge object stays linear time. Not
 * thread-safe; one per capture.
 */
final class MemberNames {

  private static final int LINEAR = 24;

  private String[] names = new String[32];
  private int[] hashes = new int[32];
  private int top;
  private int[] starts = new int[8];

  @SuppressWarnings("unchecked")
  private Set<String>[] sets = new Set[8];

  private int depth;

  void clear() {
    Arrays.fill(names, 0, top, null);
    Arrays.fill(sets, 0, depth, null);
    top = 0;
    depth = 0;
  }

  /** An object starts. */
  void open() {
    if (depth == starts.length) {
      starts = Arrays.copyOf(starts, depth * 2);
      sets = Arrays.copyOf(sets, depth * 2);
    }
    starts[depth] = top;
    sets[depth] = null;
    depth++;
  }

  /** A member of the innermost open object; false when the object already has that name. */
  boolean add(String name) {
    int start = starts[depth - 1];
    Set<String> set = sets[depth - 1];
    if (set != null) {
      return set.add(name);
    }
    int hash = name.hashCode();
    for (int i = start; i < top; i++) {
      if (hashes[i] == hash && names[i].equals(name)) {
        return false;
      }
    }
    if (top - start >= LINEAR) {
      set = new HashSet<>(Arrays.asList(names).subList(start, top));
      set.add(name);
      sets[depth - 1] = set;
      Arrays.fill(names, start, top, null);
      top = start;
      return true;
    }
    if (top == names.length) {
      names = Arrays.copyOf(names, top * 2);
      hashes = Arrays.copyOf(hashes, top * 2);
    }
    hashes[top] = hash;
    names[top++] = name;
    return true;
  }

  /** The innermost open object ends. */
  void close() {
    depth--;
    sets[depth] = null;
    top = starts[depth];
  }
}
