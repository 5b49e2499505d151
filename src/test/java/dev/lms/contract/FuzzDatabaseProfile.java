package dev.lms.contract;

import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The fuzz test's own database: it checksums every table after each refused request, which stays cheap only while the
 * tables hold the fuzz test's rows and no other test's.
 */
public class FuzzDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String database;
        try {
            database = TestDatabase.createScratchDatabase("fuzz");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the fuzz test's database", e);
        }
        Map<String, String> config = new HashMap<>(TestKeys.config());
        config.put("DATABASE_URL", TestDatabase.neonStyleUrl(database));
        return config;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
