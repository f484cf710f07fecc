// The one rule for secrets in text the product shows or stores: access-log
// query strings and registry lineage (command lines) are redacted by it.
#include <QtTest/QtTest>

#include "engine/common/SecretText.h"

using foresight::isSecretName;
using foresight::redactSecrets;

class SecretTextTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void secretNamesAreRecognisedWhateverTheSpelling() {
    for (const char* n : {"api_key", "API_KEY", "apikey", "Api-Key", "access-token", "password", "PGPASSWORD",
                          "passwd", "pwd", "client_secret", "Authorization", "X-API-KEY", "session_id"})
      QVERIFY2(isSecretName(n), n);
    for (const char* n : {"horizon", "series", "level", "format", "version", "name", "registry"})
      QVERIFY2(!isSecretName(n), n);
  }

  void uriPasswordsAreRedacted() {
    QCOMPARE(redactSecrets("foresight registry push --registry postgresql://ana:s3cr3t@h/db --name x"),
             std::string("foresight registry push --registry postgresql://ana:***@h/db --name x"));
    // The password runs to the last '@' of the authority.
    QCOMPARE(redactSecrets("postgres://u:p@ss@h:5432/db"), std::string("postgres://u:***@h:5432/db"));
    QCOMPARE(redactSecrets("'postgresql://u:pw@h/db'"), std::string("'postgresql://u:***@h/db'"));
    QCOMPARE(redactSecrets("postgres://u@h/db and sqlite:///a.db"), std::string("postgres://u@h/db and sqlite:///a.db"));
  }

  void assignmentsAndQueryParametersAreRedacted() {
    QCOMPARE(redactSecrets("PGPASSWORD=hunter2 foresight fit"), std::string("PGPASSWORD=*** foresight fit"));
    QCOMPARE(redactSecrets("postgresql://h/db?sslmode=require&password=hunter2"),
             std::string("postgresql://h/db?sslmode=require&password=***"));
    QCOMPARE(redactSecrets("host=h password='a b' dbname=x"), std::string("host=h password=*** dbname=x"));
    QCOMPARE(redactSecrets("--horizon=28 --level=80,95"), std::string("--horizon=28 --level=80,95"));
  }

  void optionsNamingASecretAreRedacted() {
    QCOMPARE(redactSecrets("foresight serve --api-key hunter2hunter2hunter2 --port 8080"),
             std::string("foresight serve --api-key *** --port 8080"));
    QCOMPARE(redactSecrets("x --password='two words' y"), std::string("x --password=*** y"));
    QCOMPARE(redactSecrets("x --token 'two words' y"), std::string("x --token *** y"));
    // An option naming where the secret is kept is not a secret.
    QCOMPARE(redactSecrets("foresight serve --api-key-file /etc/foresight/key"),
             std::string("foresight serve --api-key-file /etc/foresight/key"));
    // A flag without a value keeps the next option.
    QCOMPARE(redactSecrets("x --no-auth --port 1"), std::string("x --no-auth --port 1"));
  }

  void plainTextIsUnchanged() {
    const std::string line = "foresight fit --data sales.csv --model ets --horizon 28 --out model.json";
    QCOMPARE(redactSecrets(line), line);
    QCOMPARE(redactSecrets(""), std::string());
  }
};

QTEST_APPLESS_MAIN(SecretTextTest)
#include "SecretTextTest.moc"
