package io.precursor.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Precursor's topics that do not exist yet, with their partitions, replication and configs;
 * existing topics are left as they are.
 */
public final class TopicProvisioner {

  private TopicProvisioner() {}

  static Map<String, Object> adminProperties(Map<?, ?> settings, String bootstrapServers) {
    Map<String, Object> props =
        new java.util.HashMap<>(KafkaSecurityConfig.clientProperties(settings));
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  /**
   * Creates the missing topics among {@code topics}.
   *
   * @return names of the topics created now
   */
  public static List<String> ensure(
      String bootstrapServers, short replicationFactor, List<Topic<?, ?>> topics) {
    return ensure(Map.of(), bootstrapServers, replicationFactor, topics);
  }

  /**
   * Creates the missing topics among {@code topics}, with the Kafka security settings among {@code
   * settings} ({@link KafkaSecurityConfig}).
   *
   * @return names of the topics created now
   */
  public static List<String> ensure(
      Map<?, ?> settings,
      String bootstrapServers,
      short replicationFactor,
      List<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(adminProperties(settings, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(
              new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                  .configs(topic.configs()));
        }
      }
      List<String> created = new ArrayList<>();
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(60, TimeUnit.SECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          // Another stage may have created it in the meantime.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot list topics on " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }
}
