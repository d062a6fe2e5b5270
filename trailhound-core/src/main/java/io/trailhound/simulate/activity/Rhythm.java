package io.trailhound.simulate.activity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/** Diurnal and weekly rhythm, and Poisson counts for a window. */
public final class Rhythm {

  private Rhythm() {}

  /** Whether {@code t} falls in working hours for someone at {@code utcOffset}. */
  public static boolean working(Instant t, int utcOffset, int startHour, int hours) {
    ZonedDateTime local = t.atZone(ZoneOffset.ofHours(utcOffset));
    DayOfWeek d = local.getDayOfWeek();
    if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
      return false;
    }
    int h = local.getHour();
    return h >= startHour && h < startHour + hours;
  }

  /** Machine load: busier in European and American daytime, lighter at weekends. */
  static double machineLoad(Instant t) {
    ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
    double day = 0.6 + 0.4 * Math.sin((utc.getHour() - 8) / 24.0 * 2 * Math.PI);
    DayOfWeek d = utc.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? day * 0.5 : day;
  }

  /** A Poisson draw with mean {@code mean} (normal approximation above 30). */
  static int poisson(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double n = mean + Math.sqrt(mean) * gaussian(r);
      return Math.max(0, (int) Math.round(n));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
