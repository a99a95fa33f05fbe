// The session's token and the proxy password in a real keychain (gnome-keyring through the
// Secret Service, see with-keyring.sh) and without any (without-keyring.sh).
// STUDYCONNECT_EXPECT_KEYCHAIN says which.
#include "auth/session.h"
#include "auth/tokenstore.h"
#include "clienttestsupport.h"
#include "desktop/networksettings.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class TestKeychain : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    bool m_expectKeychain = false;
    QStringList m_tokensSeen;

    /// Synchronous TokenStore calls for the test's own checks.
    TokenStore::Result read(TokenStore &store, const QUrl &server, const QString &account)
    {
        TokenStore::Result out;
        bool done = false;
        store.read(server, account, this, [&](const TokenStore::Result &result) {
            out = result;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return out;
    }
    TokenStore::Result write(
        TokenStore &store, const QUrl &server, const QString &account, const QString &token)
    {
        TokenStore::Result out;
        bool done = false;
        store.write(server, account, token, this, [&](const TokenStore::Result &result) {
            out = result;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return out;
    }

    SecretStore::Result readSecret(const QString &key)
    {
        SecretStore::Result out;
        bool done = false;
        SecretStore::read(key, this, [&](const SecretStore::Result &result) {
            out = result;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray expect = qgetenv("STUDYCONNECT_EXPECT_KEYCHAIN");
        QVERIFY2(!expect.isEmpty(), "run through with-keyring.sh or without-keyring.sh");
        m_expectKeychain = expect == "1";
        QCoreApplication::setOrganizationName(QStringLiteral("StudyConnectTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
    }

    void tokenStoreRoundTrip()
    {
        TokenStore store;
        const QUrl server(QStringLiteral("https://school.example:5000/"));
        const QString token = signToken(QStringLiteral("1"), 3600);
        m_tokensSeen.append(token);
        const auto written = write(store, server, QStringLiteral("ada@school.example"), token);
        QCOMPARE(written.ok, m_expectKeychain);
        QCOMPARE(written.backendAvailable, m_expectKeychain);
        const auto found = read(store, server, QStringLiteral("ada@school.example"));
        QCOMPARE(found.ok, m_expectKeychain);
        if (m_expectKeychain)
            QCOMPARE(found.token, token);
        QVERIFY(!found.errorString.contains(token));

        bool removed = false;
        store.remove(server, QStringLiteral("ada@school.example"), this,
            [&](const TokenStore::Result &result) {
                removed = true;
                QCOMPARE(result.ok, m_expectKeychain);
            });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
        const auto gone = read(store, server, QStringLiteral("ada@school.example"));
        QVERIFY(!gone.ok);
        QCOMPARE(gone.backendAvailable, m_expectKeychain);
        QCOMPARE(TokenStore::keyFor(server, QStringLiteral("a@b")),
            QStringLiteral("https://school.example:5000|a@b"));
    }

    void signInStoresRestoresAndSignsOut()
    {
        const QUrl url = m_server.url();
        {
            Session session(nullptr);
            QSignalSpy signedIn(&session, &Session::signedIn);
            session.signIn(
                url, QStringLiteral("ada@studyconnect.test"), QStringLiteral("studyconnect"));
            QVERIFY(signedIn.wait(15000));
            m_tokensSeen.append(session.token());
            QCOMPARE(session.userId(), QStringLiteral("1"));
            // The keychain write follows the sign-in.
            QTRY_COMPARE_WITH_TIMEOUT(session.keychainAvailable(), m_expectKeychain, 20000);
            QTest::qWait(200);
            QCOMPARE(session.keychainAvailable(), m_expectKeychain);
            QCOMPARE(session.keychainMessage().isEmpty(), m_expectKeychain);
            if (!m_expectKeychain)
                QVERIFY(
                    session.keychainMessage().contains(QLatin1String("sign in again next time")));
        }
        // A new start: restore() finds the token only in a keychain.
        {
            Session session(nullptr);
            QSignalSpy restored(&session, &Session::restoreFinished);
            session.restore();
            QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 20000);
            QCOMPARE(restored.at(0).at(0).toBool(), m_expectKeychain);
            if (!m_expectKeychain) {
                QCOMPARE(session.state(), Session::SignedOut);
                return;
            }
            QCOMPARE(session.state(), Session::SignedIn);
            QCOMPARE(session.userId(), QStringLiteral("1"));
            QCOMPARE(session.account(), QStringLiteral("ada@studyconnect.test"));
            QTRY_COMPARE_WITH_TIMEOUT(session.user().value(QStringLiteral("firstName")).toString(),
                QStringLiteral("Ada"), 10000);
            session.signOut();
            QCOMPARE(session.state(), Session::SignedOut);
        }
        // Signed out: the token is gone from the keychain.
        TokenStore store;
        QTRY_VERIFY_WITH_TIMEOUT(
            !read(store, url, QStringLiteral("ada@studyconnect.test")).ok, 20000);
        Session session(nullptr);
        QSignalSpy restored(&session, &Session::restoreFinished);
        session.restore(url);
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 20000);
        QCOMPARE(restored.at(0).at(0).toBool(), false);
    }

    void expiredStoredTokenSignsOutWithReason()
    {
        if (!m_expectKeychain)
            QSKIP("needs a keychain to store the expired token in");
        const QUrl url = m_server.url();
        TokenStore store;
        const QString expired = signToken(QStringLiteral("2"), -30);
        QVERIFY(write(store, url, QStringLiteral("alan@studyconnect.test"), expired).ok);
        store.rememberAccount(url, QStringLiteral("alan@studyconnect.test"));
        Session session(nullptr);
        QSignalSpy restored(&session, &Session::restoreFinished);
        session.restore(url);
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 20000);
        QCOMPARE(session.state(), Session::SignedOut);
        QVERIFY2(session.errorString().contains(QLatin1String("expired")),
            qPrintable(session.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            !read(store, url, QStringLiteral("alan@studyconnect.test")).ok, 20000);
    }

    void tokenSignInIsKeptAndARefusalRemovesIt()
    {
        const QUrl url = m_server.url();
        const QString token = signToken(QStringLiteral("3"), 3600);
        m_tokensSeen.append(token);
        {
            Session session(nullptr);
            QSignalSpy signedIn(&session, &Session::signedIn);
            // Pasted with the header's prefix and a line break: both are dropped.
            session.signInWithToken(url, QStringLiteral("Bearer ") + token + u'\n');
            QCOMPARE(signedIn.count(), 1);
            QCOMPARE(session.token(), token);
            QVERIFY(session.tokenSession());
            QCOMPARE(session.account(), QString());
            QTRY_COMPARE_WITH_TIMEOUT(session.keychainAvailable(), m_expectKeychain, 20000);
            // Written once the account is remembered (the last step of the keychain write).
            if (m_expectKeychain)
                QTRY_COMPARE_WITH_TIMEOUT(
                    TokenStore().lastAccount(url), QStringLiteral("token:3"), 20000);
        }
        if (!m_expectKeychain)
            return;
        // Stored exactly like a password sign-in's token: restored at the next start.
        TokenStore store;
        QCOMPARE(read(store, url, QStringLiteral("token:3")).token, token);
        Session session(nullptr);
        QSignalSpy restored(&session, &Session::restoreFinished);
        session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 20000);
        QCOMPARE(session.state(), Session::SignedIn);
        QCOMPARE(session.userId(), QStringLiteral("3"));
        QVERIFY(session.tokenSession());

        // The server refuses it (as the chat connection reports): signed out with the reason in
        // words, and the keychain entry is gone.
        session.tokenRefused(QStringLiteral("Authentication error: invalid signature"));
        QCOMPARE(session.state(), Session::SignedOut);
        QCOMPARE(session.errorString(),
            QStringLiteral("This server did not issue that token: its signature does not match."));
        QTRY_VERIFY_WITH_TIMEOUT(!read(store, url, QStringLiteral("token:3")).ok, 20000);
        // Gone from the keychain itself, under TokenStore's key, not only from TokenStore's view.
        QVERIFY(!readSecret(TokenStore::keyFor(url, QStringLiteral("token:3"))).ok);
        QCOMPARE(store.lastAccount(url), QString());
    }

    void proxyPasswordInTheKeychainOnly()
    {
        const QString password =
            QStringLiteral("proxy-pw-%1").arg(QCoreApplication::applicationPid());
        m_tokensSeen.append(password);
        {
            NetworkSettings settings(nullptr);
            QSignalSpy saved(&settings, &NetworkSettings::passwordSaved);
            QVERIFY(settings.apply(NetworkSettings::Automatic, NetworkSettings::HttpProxy,
                QStringLiteral("proxy.example"), 3128, QStringLiteral("student"), password));
            QVERIFY(saved.wait(20000));
            QCOMPARE(saved.at(0).at(0).toBool(), m_expectKeychain);
            QCOMPARE(settings.keychainAvailable(), m_expectKeychain);
        }
        // The next start: the password comes back from the keychain only.
        NetworkSettings restarted(nullptr);
        QSignalSpy keychain(&restarted, &NetworkSettings::keychainChanged);
        QSignalSpy passwordKnown(&restarted, &NetworkSettings::passwordChanged);
        restarted.applyAtStart();
        if (m_expectKeychain) {
            QVERIFY(passwordKnown.wait(20000));
            QVERIFY(restarted.hasProxyPassword());
            QCOMPARE(restarted.networkProxy().password(), password);
        } else {
            QVERIFY(keychain.wait(20000));
            QVERIFY(!restarted.keychainAvailable());
            QVERIFY(!restarted.hasProxyPassword());
        }
        // Back to no proxy: the keychain entry goes too.
        QVERIFY(restarted.apply(
            NetworkSettings::Automatic, NetworkSettings::SystemProxy, {}, 0, {}, {}));
        QTRY_VERIFY_WITH_TIMEOUT(!readSecret(QStringLiteral("network/proxy")).ok, 20000);
    }

    void noTokenInAnyFile()
    {
        // QSettings holds the server and account only; no file under HOME holds a token.
        QSettings settings;
        settings.sync();
        const QString home = QDir::homePath();
        QVERIFY2(home.startsWith(QDir::tempPath()), "HOME must be the wrapper's scratch directory");
        QVERIFY(!m_tokensSeen.isEmpty());
        QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray content = file.readAll();
            for (const QString &token : std::as_const(m_tokensSeen))
                QVERIFY2(!content.contains(token.toUtf8()), qPrintable(file.fileName()));
        }
        if (m_expectKeychain)
            QVERIFY(files > 0); // at least the settings file
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
