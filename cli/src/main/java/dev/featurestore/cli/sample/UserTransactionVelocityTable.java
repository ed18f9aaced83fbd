package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.chance;
import static dev.featurestore.cli.sample.Distributions.logNormal;
import static dev.featurestore.cli.sample.Distributions.poisson;
import static dev.featurestore.cli.sample.Distributions.round;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * user_transaction_velocity: hourly backfill of the push-fed counters. The newest row is at most
 * six hours old, well inside the view's two-day ttl; risky users show occasional bursts.
 */
final class UserTransactionVelocityTable extends SampleTable<UserTransactionVelocityTable.Profile> {

  record Profile(double dailyRate, double burstChance, double basket) {}

  UserTransactionVelocityTable() {
    super(
        "user_transaction_velocity",
        SampleEntity.USER,
        1,
        4,
        Duration.ofHours(6),
        List.of(
            SampleColumn.int64("txn_count_1h"),
            SampleColumn.int64("txn_count_24h"),
            SampleColumn.float64("txn_amount_24h")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    return new Profile(
        logNormal(rng, 0.4 + risk, 0.8), 0.01 + 0.15 * risk * risk, logNormal(rng, 60, 0.5));
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    SplittableRandom rng = row.rng();
    long lastHour = poisson(rng, profile.dailyRate() / 24);
    if (chance(rng, profile.burstChance())) {
      lastHour += 3 + rng.nextInt(10);
    }
    long lastDay = lastHour + poisson(rng, profile.dailyRate());
    double amount = 0;
    for (long i = 0; i < Math.min(lastDay, 50); i++) {
      amount += profile.basket() * (0.5 + rng.nextDouble());
    }
    out.int64(lastHour);
    out.int64(lastDay);
    out.float64(round(amount, 2));
  }
}
