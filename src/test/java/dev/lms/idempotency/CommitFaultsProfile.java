package dev.lms.idempotency;

import dev.lms.testing.CommitCuttingProxy;
import dev.lms.testing.ProfileDatabase;
import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application reaches a database of its own through a {@link CommitCuttingProxy}, so a test can break a
 * connection at a commit, or stop the server under it.
 */
public class CommitFaultsProfile implements QuarkusTestProfile {

    static CommitCuttingProxy proxy;
    static String database;

    @Override
    public Map<String, String> getConfigOverrides() {
        ProfileDatabase profileDatabase = ProfileDatabase.create("faults");
        database = profileDatabase.name();
        proxy = CommitCuttingProxy.to(TestDatabase.embeddedPort());
        return profileDatabase.configThrough(proxy.port());
    }

    /** The global resource points at the shared database; this profile brings its own. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
