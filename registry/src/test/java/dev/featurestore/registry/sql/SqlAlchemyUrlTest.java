package dev.featurestore.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Path;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class SqlAlchemyUrlTest {

  private static final Path REPO = Path.of("/repo/feature_repo");

  @Test
  void sqliteRelativePathResolvesAgainstTheRepository() {
    SqlAlchemyUrl url = SqlAlchemyUrl.parse("sqlite:///data/registry.db", REPO);
    assertThat(url.dialect()).isEqualTo(SQLDialect.SQLITE);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/repo/feature_repo/data/registry.db");
    assertThat(url.sqliteFile()).contains(Path.of("/repo/feature_repo/data/registry.db"));
    assertThat(url.user()).isEmpty();
  }

  @Test
  void sqliteFourSlashesIsAbsolute() {
    assertThat(SqlAlchemyUrl.parse("sqlite:////var/lib/feast/registry.db", REPO).jdbcUrl())
        .isEqualTo("jdbc:sqlite:/var/lib/feast/registry.db");
  }

  @Test
  void sqliteInMemoryIsRefused() {
    assertThatThrownBy(() -> SqlAlchemyUrl.parse("sqlite://", REPO)).hasMessageContaining("in-memory");
    assertThatThrownBy(() -> SqlAlchemyUrl.parse("sqlite:///:memory:", REPO)).hasMessageContaining("in-memory");
  }

  @Test
  void postgresqlWithEveryDriverSuffix() {
    for (String scheme : new String[] {"postgresql", "postgresql+psycopg", "postgresql+psycopg2"}) {
      SqlAlchemyUrl url = SqlAlchemyUrl.parse(scheme + "://feast:s3cret@db.internal:6543/registry", REPO);
      assertThat(url.dialect()).isEqualTo(SQLDialect.POSTGRES);
      assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/registry");
      assertThat(url.user()).contains("feast");
      assertThat(url.password()).contains("s3cret");
      assertThat(url.displayUrl()).isEqualTo(scheme + "://feast@db.internal:6543/registry");
    }
  }

  @Test
  void postgresqlDefaultsAndOptions() {
    SqlAlchemyUrl url = SqlAlchemyUrl.parse("postgresql+psycopg://feast@db/registry?sslmode=require", REPO);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/registry?sslmode=require");
    assertThat(url.password()).isEmpty();
    assertThat(SqlAlchemyUrl.parse("postgresql:///registry", REPO).jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/registry");
    assertThat(SqlAlchemyUrl.parse("cockroachdb://root@crdb/defaultdb", REPO).jdbcUrl()).isEqualTo("jdbc:postgresql://crdb:26257/defaultdb");
  }

  @Test
  void percentEncodedCredentialsAreDecoded() {
    SqlAlchemyUrl url = SqlAlchemyUrl.parse("postgresql://us%40er:p%40ss%3Aw+rd@127.0.0.1:5432/db", REPO);
    assertThat(url.user()).contains("us@er");
    assertThat(url.password()).contains("p@ss:w+rd");
    assertThat(url.displayUrl()).doesNotContain("p%40ss").isEqualTo("postgresql://us%40er@127.0.0.1:5432/db");
  }

  @Test
  void unsupportedOrMalformedUrlsAreConfigErrors() {
    assertThatThrownBy(() -> SqlAlchemyUrl.parse("mysql://u:secret@h/db", REPO))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessageContaining("'mysql' is not supported")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> SqlAlchemyUrl.parse("data/registry.db", REPO)).hasMessageContaining("not a URL");
    assertThatThrownBy(() -> SqlAlchemyUrl.parse("postgresql://u:pw@h:port/db", REPO))
        .hasMessageContaining("not a number").hasMessageNotContaining("pw");
  }

  @Test
  void ipv6HostKeepsItsBrackets() {
    assertThat(SqlAlchemyUrl.parse("postgresql://u@[::1]:5433/db", REPO).jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
    assertThat(SqlAlchemyUrl.parse("postgresql://u@[::1]/db", REPO).jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
  }
}
