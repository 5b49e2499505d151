package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

/**
 * The parser, form by form. Each accepted URL is also read back by pgJDBC's own parser ({@link Driver#parseURL}), so
 * what the driver understands is checked, not only the string this class writes.
 */
class DatabaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # libpq URL                                                                  | JDBC URL handed to pgJDBC                                                              | user     | password
            postgresql://neondb_owner:npg_s3cr3t@ep-x-pooler.eu.aws.neon.tech/neondb?sslmode=require&channel_binding=require | jdbc:postgresql://ep-x-pooler.eu.aws.neon.tech/neondb?sslmode=require&channelBinding=require | neondb_owner | npg_s3cr3t
            postgres://localhost/lms                                                      | jdbc:postgresql://localhost/lms                                                        | -        | -
            postgresql://sp%20%C3%A9cial:p%24a%25ss%7Bx%7D%40%3A%2F%23%20%C3%A9@localhost:5432/lms | jdbc:postgresql://localhost:5432/lms                                    | sp écial | p$a%ss{x}@:/# é
            postgresql://app:pa$$w+rd${HOME}@localhost/lms                                | jdbc:postgresql://localhost/lms                                                        | app      | pa$$w+rd${HOME}
            postgresql://app@localhost/lms                                                | jdbc:postgresql://localhost/lms                                                        | app      | -
            postgresql://app:@localhost/lms                                               | jdbc:postgresql://localhost/lms                                                        | app      | -
            postgresql://app:pw@h1:5432,h2:5433/lms?target_session_attrs=read-write        | jdbc:postgresql://h1:5432,h2:5433/lms?targetServerType=primary                         | app      | pw
            postgresql://app:pw@h1,h2/lms?target_session_attrs=prefer-standby              | jdbc:postgresql://h1,h2/lms?targetServerType=preferSecondary                           | app      | pw
            postgresql://app:pw@[::1]:5432/lms                                            | jdbc:postgresql://[::1]:5432/lms                                                       | app      | pw
            postgresql://app:pw@[2001:db8::7],h2:6543/lms                                 | jdbc:postgresql://[2001:db8::7],h2:6543/lms                                            | app      | pw
            postgresql://app:pw@my_db/lms                                                 | jdbc:postgresql://my_db/lms                                                            | app      | pw
            postgresql:///lms?host=h1,h2&port=5433                                        | jdbc:postgresql://h1:5433,h2:5433/lms                                                  | -        | -
            postgresql://h/lms?user=app&password=p%26w&dbname=other                       | jdbc:postgresql://h/other                                                              | app      | p&w
            postgresql://app:pw@h/lms?options=endpoint%3Dep-cool-123&sslmode=verify-full  | jdbc:postgresql://h/lms?options=endpoint%3Dep-cool-123&sslmode=verify-full             | app      | pw
            postgresql://h/lms?sslrootcert=system                                         | jdbc:postgresql://h/lms?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory | -   | -
            postgresql://h/lms?application_name=lms%20api%2B1&connect_timeout=10          | jdbc:postgresql://h/lms?ApplicationName=lms+api%2B1&connectTimeout=10                  | -        | -
            postgresql://app@h/lms?sslmode=verify-full&sslcert=/certs/app.crt&sslkey=/certs/app.pk8 | jdbc:postgresql://h/lms?sslmode=verify-full&sslcert=%2Fcerts%2Fapp.crt&sslkey=%2Fcerts%2Fapp.pk8 | app | -
            postgresql://app:pw@h/lms?prepareThreshold=0&load_balance_hosts=random        | jdbc:postgresql://h/lms?prepareThreshold=0&loadBalanceHosts=true                       | app      | pw
            postgresql://app@h                                                            | jdbc:postgresql://h/                                                                   | app      | -
            postgresql://app@h/my%20db                                                    | jdbc:postgresql://h/my+db                                                              | app      | -
            jdbc:postgresql://db.internal:6432/lms?prepareThreshold=0&user=app&password=p%24w | jdbc:postgresql://db.internal:6432/lms?prepareThreshold=0&user=app&password=p%24w   | app      | p$w
            jdbc:postgresql://h/lms?application_name=kept-as-written                      | jdbc:postgresql://h/lms?application_name=kept-as-written                               | -        | -
            """)
    void eachAcceptedFormBecomesAJdbcUrlWithTheCredentialsApart(
            String url, String jdbcUrl, String user, String password) {
        DatabaseUrl parsed = DatabaseUrl.parse("DATABASE_URL", url);

        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(parsed.username().orElse(null)).isEqualTo(user);
        assertThat(parsed.password().orElse(null)).isEqualTo(password);
        assertThat(Driver.parseURL(parsed.jdbcUrl(), new Properties()))
                .as("pgJDBC's reading of " + parsed.jdbcUrl())
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # libpq URL                                                      | pgJDBC PGHOST  | PGPORT    | PGDBNAME | property      | its value
            postgresql://app:pw@h1:5432,h2:5433/lms?target_session_attrs=standby | h1,h2       | 5432,5433 | lms      | targetServerType | secondary
            postgresql://app:pw@[::1]/lms?application_name=lms%20api%2B1      | [::1]          | 5432      | lms      | ApplicationName | lms api+1
            postgresql://app:pw@my_db/my%2Bdb%20x?options=endpoint%3Dep-c     | my_db          | 5432      | my+db x  | options       | endpoint=ep-c
            postgresql://app:pw@h/lms?channel_binding=require                 | h              | 5432      | lms      | channelBinding | require
            postgresql://app:pw@h/lms?sslcert=%2Fcerts%2Fa%20b.crt             | h              | 5432      | lms      | sslcert       | /certs/a b.crt
            postgresql://h/lms?user=app                                       | h              | 5432      | lms      | user          | app
            postgresql://app@h?connect_timeout=7                              | h              | 5432      | app      | connectTimeout | 7
            """)
    void pgJdbcReadsTheSameHostsDatabaseAndParameters(
            String url, String hosts, String ports, String database, String property, String value) {
        Properties props = new Properties();
        DatabaseUrl parsed = DatabaseUrl.parse("DATABASE_URL", url);
        parsed.username().ifPresent(user -> props.setProperty("user", user));

        Properties read = Driver.parseURL(parsed.jdbcUrl(), props);

        assertThat(read.getProperty("PGHOST")).isEqualTo(hosts);
        assertThat(read.getProperty("PGPORT")).isEqualTo(ports);
        assertThat(read.getProperty("PGDBNAME")).isEqualTo(database);
        assertThat(read.getProperty(property)).isEqualTo(value.equals("-") ? null : value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
    void everySslModeOfLibpqReachesPgJdbc(String mode) {
        DatabaseUrl parsed = DatabaseUrl.parse("DATABASE_URL", "postgresql://app:pw@h/lms?sslmode=" + mode);

        assertThat(Driver.parseURL(parsed.jdbcUrl(), new Properties()).getProperty("sslmode"))
                .isEqualTo(mode);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mysql://app:hunter2@h/lms                                      | it must start with postgresql://, postgres:// or jdbc:postgresql:
            jdbc:mysql://h/lms?password=hunter2                             | a JDBC URL must start with jdbc:postgresql:
            host=localhost dbname=lms password=hunter2                      | libpq keyword/value strings (host=... dbname=...) are not supported
            postgresql://app:hunter2@/lms                                   | it has no host, which libpq reads as its default Unix socket; pgJDBC connects over TCP only
            postgresql://app:hunter2@%2Fvar%2Frun%2Fpostgresql/lms           | host 1 is a Unix-domain socket; pgJDBC connects over TCP only
            postgresql://app:hunter2@localhost/lms?host=/var/run/postgresql | host 1 is a Unix-domain socket; pgJDBC connects over TCP only
            postgresql://app:hunter2%zz@h/lms                               | the password has a malformed percent-escape
            postgresql://app:hunter2%00@h/lms                               | the password contains %00
            postgresql://app:hunter2%FF@h/lms                               | the password is not UTF-8
            postgresql://app:hunter2@h/lms?sslmode                          | a parameter without a name or a value
            postgresql://app:hunter2@h/lms?options=a=b                      | a query parameter has a second '='
            postgresql://app:hunter2@h:54x2/lms                             | the port of host 1 is not a number from 1 to 65535
            postgresql://app:hunter2@h:70000/lms                            | the port of host 1 is not a number from 1 to 65535
            postgresql://app:hunter2@h1,h2/lms?port=1,2,3                   | it lists 2 hosts but 3 ports
            postgresql://app:hunter2@[::1/lms                               | host 1 opens an IPv6 address with [ but never closes it
            postgresql://app:pa@hunter2@h/lms                               | host 1 contains '@'; percent-encode an '@'
            postgresql://app:hunter2@h/lms?sslmode=required                 | its sslmode must be one of allow, disable, prefer, require, verify-ca, verify-full
            postgresql://app:hunter2@h/lms?target_session_attrs=master      | its target_session_attrs must be one of
            postgresql://app:hunter2@h/lms?channel_binding=yes              | its channel_binding must be one of disable, prefer, require
            postgresql://app:hunter2@h/lms?service=prod                     | its parameter service is not supported
            jdbc:postgresql://h/lms?service=prod&password=hunter2           | its parameter service is not supported
            postgresql://app:hunter2@h/lms?sslcrl=/etc/crl.pem              | its parameter sslcrl is not supported
            postgresql://app:hunter2@h/lms?hostaddr=10.0.0.1                | its parameter hostaddr is not supported
            postgresql://app:hunter2@h/lms?sslrootcert=system&sslmode=require | sslrootcert=system needs sslmode=verify-full
            """)
    void malformedUrlIsRefusedWithAMessageThatNamesTheVariableButNotThePassword(String malformed, String reason) {
        assertThatThrownBy(() -> DatabaseUrl.parse("DIRECT_URL", malformed))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("DIRECT_URL is not a usable PostgreSQL URL: ")
                .hasMessageContaining(reason)
                .hasMessageContaining(".env.example")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void hostNamesTheHostsWithoutPortsOrCredentials() {
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql://app:pw@ep-x-pooler.neon.tech/lms")
                        .host())
                .isEqualTo("ep-x-pooler.neon.tech");
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql://app:pw@h1:5432,[::1]:5433/lms")
                        .host())
                .isEqualTo("h1,[::1]");
        assertThat(DatabaseUrl.parse("DATABASE_URL", "jdbc:postgresql:lms?password=pw")
                        .host())
                .isEqualTo("localhost");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql://app:npg_s3cr3t@h/lms")
                        .toString())
                .doesNotContain("npg_s3cr3t");
        assertThat(DatabaseUrl.parse("DATABASE_URL", "jdbc:postgresql://h/lms?user=app&password=npg_s3cr3t&ssl=true")
                        .toString())
                .doesNotContain("npg_s3cr3t")
                .contains("ssl=true");
    }
}
