package dev.featurestore.adminui;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebSessionIdResolverAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The console's Spring context. Auto-configuration is listed, not discovered: the runnable jar
 * also carries JDBC drivers, jOOQ, Flyway and other modules' starters, and discovery would try to
 * configure a DataSource and more that the console does not want.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ConsoleApplication.class)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  CodecsAutoConfiguration.class,
  ReactiveWebServerFactoryAutoConfiguration.class,
  HttpHandlerAutoConfiguration.class,
  WebFluxAutoConfiguration.class,
  WebSessionIdResolverAutoConfiguration.class,
  ErrorWebFluxAutoConfiguration.class,
  ThymeleafAutoConfiguration.class
})
class ConsoleApplication {}
