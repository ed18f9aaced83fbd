import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health probe: exits 0 when the URL answers 2xx within two seconds, else 1. The JRE
 * image has neither curl nor wget, and a compiled class needs nothing but java.base.
 */
public final class HealthCheck {
  private HealthCheck() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8000/health";
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      System.exit(status >= 200 && status < 300 ? 0 : 1);
    } catch (Exception e) {
      System.err.println("health check " + url + " failed: " + e);
      System.exit(1);
    }
  }
}
