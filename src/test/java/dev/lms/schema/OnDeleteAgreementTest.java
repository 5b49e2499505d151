package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.junit.jupiter.api.Test;

/** The object model and the live database say the same thing about what a delete does, and relations load lazily. */
@QuarkusTest
class OnDeleteAgreementTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @Test
    void everyMappedRelationCarriesTheDeleteRuleOfItsForeignKey() throws SQLException {
        Map<String, OnDeleteAction> mapped = new HashMap<>();
        for (Class<?> entity : entityClasses()) {
            String table = entity.getAnnotation(Table.class).name();
            for (Field field : entity.getDeclaredFields()) {
                JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
                if (joinColumn != null
                        && (field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class))) {
                    OnDelete onDelete = field.getAnnotation(OnDelete.class);
                    assertThat(onDelete)
                            .as("@OnDelete on %s.%s", entity.getSimpleName(), field.getName())
                            .isNotNull();
                    mapped.put(table + "." + joinColumn.name(), onDelete.action());
                }
            }
        }

        Map<String, OnDeleteAction> live = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            CatalogInspector.inspect(connection)
                    .foreignKeys()
                    .forEach(fk -> live.put(
                            fk.table() + "." + fk.column(), fk.onDelete().hibernateAction()));
        }

        // idempotency_keys is written with SQL (dev.lms.idempotency.IdempotencyRecords) and has no entity; every other
        // foreign key is mapped, with the rule of its constraint.
        live.remove("idempotency_keys.user_id");
        assertThat(mapped).hasSize(ExpectedSchema.FOREIGN_KEYS.size() - 1).isEqualTo(live);
    }

    /**
     * Deletes cascade in the database, stated once on the owning {@code @ManyToOne}. A parent collection would be a
     * second statement of the same rule, and loading one to delete children would turn one statement into thousands.
     */
    @Test
    void noEntityMapsACollectionOfItsChildren() {
        for (Class<?> entity : entityClasses()) {
            for (Field field : entity.getDeclaredFields()) {
                assertThat(field.getAnnotation(OneToMany.class))
                        .as("@OneToMany on %s.%s", entity.getSimpleName(), field.getName())
                        .isNull();
            }
        }
    }

    @Test
    void everyToOneRelationIsLazy() {
        for (Class<?> entity : entityClasses()) {
            for (Field field : entity.getDeclaredFields()) {
                ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
                OneToOne oneToOne = field.getAnnotation(OneToOne.class);
                FetchType fetch =
                        manyToOne != null ? manyToOne.fetch() : oneToOne != null ? oneToOne.fetch() : FetchType.LAZY;
                assertThat(fetch)
                        .as("fetch of %s.%s", entity.getSimpleName(), field.getName())
                        .isEqualTo(FetchType.LAZY);
            }
        }
    }

    private Iterable<Class<?>> entityClasses() {
        return sessionFactory.getMetamodel().getEntities().stream()
                .<Class<?>>map(type -> type.getJavaType())
                .toList();
    }
}
