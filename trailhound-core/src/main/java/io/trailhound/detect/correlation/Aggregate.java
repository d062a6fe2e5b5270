package io.trailhound.detect.correlation;

import io.trailhound.rule.sigma.CorrelationType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A sliding aggregate over the records of a window: records are added and removed in order. */
abstract class Aggregate {

  abstract void add(MatchRecord r);

  abstract void remove(MatchRecord r);

  abstract double value();

  static Aggregate of(CorrelationType type, int inputs, Integer percentile) {
    return switch (type) {
      case EVENT_COUNT -> new Count();
      case VALUE_COUNT -> new Distinct();
      case VALUE_SUM -> new Sum(false);
      case VALUE_AVG -> new Sum(true);
      case VALUE_PERCENTILE -> new Percentile(percentile == null ? 50 : percentile);
      case TEMPORAL, TEMPORAL_ORDERED -> new Inputs(inputs);
    };
  }

  private static final class Count extends Aggregate {
    private long n;

    @Override
    void add(MatchRecord r) {
      n++;
    }

    @Override
    void remove(MatchRecord r) {
      n--;
    }

    @Override
    double value() {
      return n;
    }
  }

  private static final class Distinct extends Aggregate {
    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    void add(MatchRecord r) {
      counts.merge(r.value(), 1, Integer::sum);
    }

    @Override
    void remove(MatchRecord r) {
      counts.computeIfPresent(r.value(), (k, v) -> v == 1 ? null : v - 1);
    }

    @Override
    double value() {
      return counts.size();
    }
  }

  /** Sum or average, exact (BigDecimal) so thresholds are met exactly at the boundary. */
  private static final class Sum extends Aggregate {
    private final boolean average;
    private BigDecimal sum = BigDecimal.ZERO;
    private long n;

    Sum(boolean average) {
      this.average = average;
    }

    @Override
    void add(MatchRecord r) {
      sum = sum.add(new BigDecimal(r.value()));
      n++;
    }

    @Override
    void remove(MatchRecord r) {
      sum = sum.subtract(new BigDecimal(r.value()));
      n--;
    }

    @Override
    double value() {
      if (!average) {
        return sum.doubleValue();
      }
      return n == 0 ? 0 : sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64).doubleValue();
    }
  }

  /** Nearest-rank percentile of the values in the window. */
  private static final class Percentile extends Aggregate {
    private final int percentile;
    private final TreeMap<BigDecimal, Integer> values = new TreeMap<>();
    private long n;

    Percentile(int percentile) {
      this.percentile = percentile;
    }

    @Override
    void add(MatchRecord r) {
      values.merge(new BigDecimal(r.value()), 1, Integer::sum);
      n++;
    }

    @Override
    void remove(MatchRecord r) {
      values.computeIfPresent(new BigDecimal(r.value()), (k, v) -> v == 1 ? null : v - 1);
      n--;
    }

    @Override
    double value() {
      if (n == 0) {
        return 0;
      }
      long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
      long seen = 0;
      for (Map.Entry<BigDecimal, Integer> e : values.entrySet()) {
        seen += e.getValue();
        if (seen >= rank) {
          return e.getKey().doubleValue();
        }
      }
      return values.lastKey().doubleValue();
    }
  }

  /** How many different referenced rules the window holds. */
  private static final class Inputs extends Aggregate {
    private final int[] counts;
    private int distinct;

    Inputs(int inputs) {
      counts = new int[inputs];
    }

    @Override
    void add(MatchRecord r) {
      if (counts[r.input()]++ == 0) {
        distinct++;
      }
    }

    @Override
    void remove(MatchRecord r) {
      if (--counts[r.input()] == 0) {
        distinct--;
      }
    }

    @Override
    double value() {
      return distinct;
    }
  }
}
