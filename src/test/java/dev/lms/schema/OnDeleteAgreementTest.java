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
import java.lang.reflect.ParameterizedType;
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

    @Test
    void everyParentCollectionStatesTheSameRuleAsTheRelationItMirrors() throws Exception {
        int collections = 0;
        for (Class<?> entity : entityClasses()) {
            for (Field field : entity.getDeclaredFields()) {
                OneToMany oneToMany = field.getAnnotation(OneToMany.class);
                if (oneToMany == null) {
                    continue;
                }
                collections++;
                Class<?> child = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
                OnDelete childSide =
                        child.getDeclaredField(oneToMany.mappedBy()).getAnnotation(OnDelete.class);
                OnDelete parentSide = field.getAnnotation(OnDelete.class);
                assertThat(parentSide)
                        .as("@OnDelete on %s.%s", entity.getSimpleName(), field.getName())
                        .isNotNull();
                assertThat(parentSide.action())
                        .as("%s.%s", entity.getSimpleName(), field.getName())
                        .isEqualTo(childSide.action());
                assertThat(oneToMany.cascade())
                        .as(
                                "JPA cascade on %s.%s: the database cascades, not Hibernate",
                                entity.getSimpleName(), field.getName())
                        .isEmpty();
            }
        }
        assertThat(collections).isPositive();
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
