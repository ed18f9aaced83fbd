package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.chance;
import static dev.featurestore.cli.sample.Distributions.clamp;
import static dev.featurestore.cli.sample.Distributions.normal;
import static dev.featurestore.cli.sample.Distributions.poisson;
import static dev.featurestore.cli.sample.Distributions.round;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** device_risk: most devices are clean; a risky few are shared, emulated or proxied. */
final class DeviceRiskTable extends SampleTable<DeviceRiskTable.Profile> {

  record Profile(double risk, long devicesPerUser) {}

  DeviceRiskTable() {
    super(
        "device_risk",
        SampleEntity.DEVICE,
        1,
        3,
        Duration.ofDays(1),
        List.of(
            SampleColumn.float64("fingerprint_risk_score"),
            SampleColumn.int64("devices_per_user"),
            SampleColumn.bool("ip_country_mismatch")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    double skewed = risk * risk;
    return new Profile(skewed, 1 + poisson(rng, 0.2 + 4 * skewed));
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    SplittableRandom rng = row.rng();
    out.float64(round(clamp(profile.risk() + normal(rng, 0, 0.03), 0, 1), 3));
    out.int64(profile.devicesPerUser());
    out.bool(chance(rng, 0.02 + 0.3 * profile.risk()));
  }
}
