package io.trailhound.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code max} values with the smallest distinct keys offered, whatever order they come in: what
 * keeps a finding's evidence deterministic and bounded. Of values with equal keys the first offered
 * is kept. Not thread-safe; the owner synchronises.
 */
final class Smallest<T> {

  private final int max;
  private final Function<? super T, String> key;

  /** The kept values and their keys, ascending; sorted arrays rather than a tree: no nodes. */
  private final Object[] kept;

  private final String[] keys;
  private int size;

  /**
   * The keys of the last two offers. A key offered before changes nothing when offered again (it is
   * kept, or at least {@code max} smaller keys are), and a finding's key or address is mostly the
   * one it had last time, so most offers end with a compare here instead of reading the kept
   * strings, which after thousands of other findings' matches are out of cache. Compared with
   * {@code equals}, not by hash first: these keys are mostly fresh strings whose hash nobody has
   * computed, and hashing one costs more than comparing it.
   */
  private String recent;

  private String older;

  Smallest(int max, Function<? super T, String> key) {
    this.max = max;
    this.key = key;
    this.kept = new Object[max];
    this.keys = new String[max];
  }

  /** Keeps strings by their natural order. */
  static Smallest<String> ofStrings(int max) {
    return new Smallest<>(max, Function.identity());
  }

  void offer(T value) {
    if (value == null) {
      return;
    }
    String k = key.apply(value);
    if (k.equals(recent) || k.equals(older)) {
      return;
    }
    older = recent;
    recent = k;
    // One compare with the largest kept decides most other offers: once full, most keys are
    // larger.
    if (size > 0) {
      int c = k.compareTo(keys[size - 1]);
      if (c == 0 || (c > 0 && size >= max)) {
        return;
      }
      if (c > 0) {
        keys[size] = k;
        kept[size++] = value;
        return;
      }
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = k.compareTo(keys[mid]);
      if (c > 0) {
        lo = mid + 1;
      } else if (c < 0) {
        hi = mid - 1;
      } else {
        return;
      }
    }
    int moved = Math.min(size, max - 1) - lo;
    System.arraycopy(kept, lo, kept, lo + 1, moved);
    System.arraycopy(keys, lo, keys, lo + 1, moved);
    kept[lo] = value;
    keys[lo] = k;
    if (size < max) {
      size++;
    }
  }

  /** A copy holding the same values, independent of this one. */
  Smallest<T> copy() {
    Smallest<T> c = new Smallest<>(max, key);
    System.arraycopy(kept, 0, c.kept, 0, size);
    System.arraycopy(keys, 0, c.keys, 0, size);
    c.size = size;
    return c;
  }

  /** Offers every value {@code other} kept, smallest first. */
  @SuppressWarnings("unchecked")
  void offerAll(Smallest<T> other) {
    for (int i = 0; i < other.size; i++) {
      offer((T) other.kept[i]);
    }
  }

  @SuppressWarnings("unchecked")
  List<T> values() {
    List<T> out = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      out.add((T) kept[k]);
    }
    return out;
  }
}
