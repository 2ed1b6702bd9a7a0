package io.precursor.scenarios.slowlog;

import io.precursor.scenarios.logs.LazyIterator;
import io.precursor.scenarios.shape.Keyframes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An application's everyday statements on one instance: random arrivals at a rate that may change
 * over time, each statement slowed by the instance's load at that moment.
 */
public final class BackgroundQueries implements SlowQueryWorkload {

  private final Instant from;
  private final Instant until;
  private final Keyframes perMinute;
  private final Keyframes slowdown;
  private final ConnectionPool connections;
  private final List<QueryTemplate> templates;
  private final double totalWeight;

  private BackgroundQueries(Builder builder) {
    this.from = Objects.requireNonNull(builder.from);
    this.until = Objects.requireNonNull(builder.until);
    this.perMinute = builder.perMinute;
    this.slowdown = builder.slowdown;
    this.connections = Objects.requireNonNull(builder.connections, "connections");
    this.templates = List.copyOf(builder.templates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("background traffic needs at least one query template");
    }
    this.totalWeight = templates.stream().mapToDouble(QueryTemplate::weight).sum();
  }

  /** Traffic that runs from {@code from} until {@code until}. */
  public static Builder between(Instant from, Instant until) {
    return new Builder(from, until);
  }

  @Override
  public Iterator<SlowQuery> queries(long seed) {
    Random random = new Random(seed);
    return new LazyIterator<>() {
      private Instant now = from;

      @Override
      protected SlowQuery computeNext() {
        double rate = perMinute.at(now);
        while (rate <= 0) {
          // Idle stretch: look again a minute later rather than divide by zero.
          now = now.plus(Duration.ofMinutes(1));
          if (!now.isBefore(until)) {
            return null;
          }
          rate = perMinute.at(now);
        }
        double gapSeconds = -Math.log(1 - random.nextDouble()) * 60 / rate;
        now = Durations.plus(now, gapSeconds);
        if (!now.isBefore(until)) {
          return null;
        }
        QueryTemplate template = pick(random);
        Statement statement = template.maker().make(random);
        ClientSession session = connections.pick(random);
        double queryTime = Durations.micros(statement.seconds() * slowdown.at(now));
        return new SlowQuery(
            now,
            session,
            template.database(),
            queryTime,
            Durations.lockTime(random),
            statement.rowsSent(),
            statement.rowsExamined(),
            statement.sql());
      }
    };
  }

  private QueryTemplate pick(Random random) {
    double point = random.nextDouble() * totalWeight;
    for (QueryTemplate template : templates) {
      point -= template.weight();
      if (point < 0) {
        return template;
      }
    }
    return templates.get(templates.size() - 1);
  }

  /** Describes the traffic. */
  public static final class Builder {
    private final Instant from;
    private final Instant until;
    private Keyframes perMinute = Keyframes.constant(1);
    private Keyframes slowdown = Keyframes.constant(1);
    private ConnectionPool connections;
    private final List<QueryTemplate> templates = new ArrayList<>();

    private Builder(Instant from, Instant until) {
      this.from = from;
      this.until = until;
    }

    /** How many statements a minute the application sends (slow or not). */
    public Builder perMinute(Keyframes perMinute) {
      this.perMinute = perMinute;
      return this;
    }

    public Builder perMinute(double perMinute) {
      return perMinute(Keyframes.constant(perMinute));
    }

    /** How much slower than usual statements run, over time (1 = usual). */
    public Builder slowdown(Keyframes slowdown) {
      this.slowdown = slowdown;
      return this;
    }

    public Builder connections(ConnectionPool connections) {
      this.connections = connections;
      return this;
    }

    public Builder template(double weight, String database, StatementMaker maker) {
      templates.add(new QueryTemplate(weight, database, maker));
      return this;
    }

    public BackgroundQueries build() {
      return new BackgroundQueries(this);
    }
  }
}
