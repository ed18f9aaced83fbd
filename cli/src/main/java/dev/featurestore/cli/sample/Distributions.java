package dev.featurestore.cli.sample;

import java.util.SplittableRandom;

/**
 * The few distributions the sample data needs. StrictMath, not Math, so that the same seed gives
 * the same doubles on every platform; RandomGenerator.nextGaussian is avoided because its algorithm
 * is not specified and may change between JDKs.
 */
final class Distributions {
  private Distributions() {}

  static double normal(SplittableRandom rng, double mean, double sd) {
    double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log(0) would be -infinity
    double u2 = rng.nextDouble();
    double z =
        StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    return mean + sd * z;
  }

  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * StrictMath.exp(normal(rng, 0.0, sigma));
  }

  /** Knuth's method; fine for the small means used here. */
  static long poisson(SplittableRandom rng, double mean) {
    double limit = StrictMath.exp(-mean);
    double product = rng.nextDouble();
    long count = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      count++;
    }
    return count;
  }

  static boolean chance(SplittableRandom rng, double probability) {
    return rng.nextDouble() < probability;
  }

  /** Picks values[i] with probability weights[i] / sum(weights). */
  static String pick(SplittableRandom rng, String[] values, double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double target = rng.nextDouble() * total;
    for (int i = 0; i < values.length - 1; i++) {
      target -= weights[i];
      if (target < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  static double round(double value, int decimals) {
    double scale = StrictMath.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
