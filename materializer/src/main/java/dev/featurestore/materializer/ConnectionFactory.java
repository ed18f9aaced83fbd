package dev.featurestore.materializer;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection to the registry database, e.g. {@code dataSource::getConnection}. The caller
 * of {@link #open()} closes the connection. The CLI supplies it, since only it knows the registry
 * back-end.
 */
@FunctionalInterface
public interface ConnectionFactory {
  Connection open() throws SQLException;
}
