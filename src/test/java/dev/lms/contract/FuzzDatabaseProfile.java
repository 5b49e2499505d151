package dev.lms.contract;

import dev.lms.testing.ProfileDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The fuzz test's own database: it checksums every table after each refused request, which stays cheap only while the
 * tables hold the fuzz test's rows and no other test's.
 */
public class FuzzDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return ProfileDatabase.create("fuzz").config();
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
