package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.clamp;
import static dev.featurestore.cli.sample.Distributions.normal;
import static dev.featurestore.cli.sample.Distributions.pick;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** user_demographics: age, country, account age; a daily snapshot that rarely changes. */
final class UserDemographicsTable extends SampleTable<UserDemographicsTable.Profile> {
  private static final String[] COUNTRIES = {
    "DE", "GB", "FR", "ES", "IT", "NL", "SE", "PL", "AT", "IE", "US"
  };
  private static final double[] COUNTRY_WEIGHTS = {30, 15, 12, 10, 9, 7, 5, 5, 3, 2, 2};

  record Profile(long ageNow, double daysSinceBirthday, String country, long accountAgeNow) {}

  UserDemographicsTable() {
    super(
        "user_demographics",
        SampleEntity.USER,
        1,
        2,
        Duration.ofDays(1),
        List.of(
            SampleColumn.int64("age"),
            SampleColumn.string("country"),
            SampleColumn.int64("account_age_days")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    // Younger customers skew riskier, as in most consumer-credit books.
    long age = clamp(Math.round(normal(rng, 42 - 12 * risk, 12)), 18, 75);
    long accountAge = clamp(Math.round(Distributions.logNormal(rng, 400, 0.9)), 1, 4000);
    return new Profile(
        age, rng.nextDouble() * 365, pick(rng, COUNTRIES, COUNTRY_WEIGHTS), accountAge);
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    double days = row.daysBeforeNow();
    long yearsEarlier = (long) ((days + 365 - profile.daysSinceBirthday()) / 365);
    out.int64(Math.max(18, profile.ageNow() - yearsEarlier));
    out.string(profile.country());
    out.int64(Math.max(0, profile.accountAgeNow() - (long) days));
  }
}
