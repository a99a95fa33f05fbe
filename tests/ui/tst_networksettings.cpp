// The desktop's network settings: the proxy built from them (shared with the CLI's --proxy),
// what is kept in QSettings and what never is (the password), and the transport handed to the
// connection. D-Bus points nowhere here, so the keychain is missing: the password lasts for the
// run. tests/client/tst_keychain.cpp covers it with a real keychain.
#include "api/proxyconfig.h"
#include "chat/conversationmanager.h"
#include "desktop/networksettings.h"

#include <QDirIterator>
#include <QNetworkProxyFactory>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestNetworkSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        for (const char *name : { "http_proxy", "https_proxy", "all_proxy", "no_proxy",
                 "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY" })
            qunsetenv(name);
        QCoreApplication::setOrganizationName(QStringLiteral("StudyConnectTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_networksettings"));
        QSettings().clear();
    }

    void proxyFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::newRow("http") << "http://proxy.example:3128" << true << int(ProxyConfig::Mode::Http)
                              << 3128 << QString();
        QTest::newRow("http default port")
            << "http://proxy.example" << true << int(ProxyConfig::Mode::Http) << 8080 << QString();
        QTest::newRow("socks5 with user")
            << "socks5://ada@10.0.0.1" << true << int(ProxyConfig::Mode::Socks5) << 1080 << "ada";
        QTest::newRow("password refused")
            << "http://ada:secret@proxy.example" << false << 0 << 0 << QString();
        QTest::newRow("https scheme") << "https://proxy.example" << false << 0 << 0 << QString();
        QTest::newRow("no host") << "http://" << false << 0 << 0 << QString();
    }
    void proxyFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        const auto config = ProxyConfig::fromUrl(QUrl(url, QUrl::StrictMode));
        QCOMPARE(config.has_value(), valid);
        if (!valid)
            return;
        QFETCH(int, mode);
        QFETCH(int, port);
        QFETCH(QString, user);
        QCOMPARE(int(config->mode), mode);
        QCOMPARE(int(config->effectivePort()), port);
        QCOMPARE(config->user, user);
        // Safe to log: neither user nor password.
        QVERIFY(!config->displayName().contains(u'@'));
    }

    void networkProxyBuilt()
    {
        ProxyConfig config;
        QCOMPARE(config.toNetworkProxy().type(), QNetworkProxy::DefaultProxy);
        config.mode = ProxyConfig::Mode::None;
        QCOMPARE(config.toNetworkProxy().type(), QNetworkProxy::NoProxy);
        config = *ProxyConfig::fromUrl(QUrl(QStringLiteral("socks5://ada@proxy.example:9050")));
        const QNetworkProxy proxy = config.toNetworkProxy(QStringLiteral("pw"));
        QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(proxy.hostName(), QStringLiteral("proxy.example"));
        QCOMPARE(proxy.port(), quint16(9050));
        QCOMPARE(proxy.user(), QStringLiteral("ada"));
        QCOMPARE(proxy.password(), QStringLiteral("pw"));
        QVERIFY(proxy.capabilities() & QNetworkProxy::HostNameLookupCapability);
        config.user.clear();
        QVERIFY(config.toNetworkProxy(QStringLiteral("pw")).password().isEmpty());
    }

    void appliedToTheProcess()
    {
        const QNetworkProxyQuery query(QUrl(QStringLiteral("http://chat.example:5000")));
        const auto first = [&] { return QNetworkProxyFactory::proxyForQuery(query).constFirst(); };
        ProxyConfig config = *ProxyConfig::fromUrl(QUrl(QStringLiteral("http://proxy.example")));
        config.applyToApplication();
        QCOMPARE(first().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(first().hostName(), QStringLiteral("proxy.example"));
        config = {};
        config.mode = ProxyConfig::Mode::None;
        config.applyToApplication();
        QCOMPARE(first().type(), QNetworkProxy::NoProxy);
        // The system configuration (no proxy variables here): the explicit proxy is gone.
        ProxyConfig().applyToApplication();
        QVERIFY(first().type() != QNetworkProxy::HttpProxy);
    }

    void problems()
    {
        NetworkSettings settings(nullptr);
        QVERIFY(settings.problem(NetworkSettings::SystemProxy, {}, 0).isEmpty());
        QVERIFY(settings.problem(NetworkSettings::NoProxy, {}, 0).isEmpty());
        QVERIFY(!settings.problem(NetworkSettings::HttpProxy, {}, 0).isEmpty());
        QVERIFY(
            !settings.problem(NetworkSettings::HttpProxy, QStringLiteral("http://p"), 0).isEmpty());
        QVERIFY(
            !settings.problem(NetworkSettings::Socks5Proxy, QStringLiteral("p"), 70000).isEmpty());
        QVERIFY(settings.problem(NetworkSettings::Socks5Proxy, QStringLiteral("p"), 0).isEmpty());
        QVERIFY(
            !settings.apply(NetworkSettings::Automatic, NetworkSettings::HttpProxy, {}, 0, {}, {}));
    }

    void appliedSettingsPersistWithoutThePassword()
    {
        const QString password =
            QStringLiteral("pr0xy-s3cret-%1").arg(QCoreApplication::applicationPid());
        ChatConnection *connection = ConversationManager::globalInstance()->connection();
        {
            NetworkSettings settings(nullptr);
            QSignalSpy saved(&settings, &NetworkSettings::passwordSaved);
            QVERIFY(settings.apply(NetworkSettings::LongPollingOnly, NetworkSettings::HttpProxy,
                QStringLiteral(" proxy.school.example "), 3128, QStringLiteral("student"),
                password));
            QCOMPARE(connection->transportPolicy(), SocketIo::TransportPolicy::PollingOnly);
            QCOMPARE(QNetworkProxy::applicationProxy().hostName(),
                QStringLiteral("proxy.school.example"));
            QCOMPARE(QNetworkProxy::applicationProxy().password(), password);
            QVERIFY(settings.hasProxyPassword());
            // No keychain here: the password stays for this run, and the UI is told.
            QVERIFY(saved.wait(20000));
            QCOMPARE(saved.at(0).at(0).toBool(), false);
            QVERIFY(!settings.keychainAvailable());
            QVERIFY(settings.hasProxyPassword());
        }
        {
            NetworkSettings restored(nullptr);
            QCOMPARE(restored.transportMode(), NetworkSettings::LongPollingOnly);
            QCOMPARE(restored.proxyMode(), NetworkSettings::HttpProxy);
            QCOMPARE(restored.proxyHost(), QStringLiteral("proxy.school.example"));
            QCOMPARE(restored.proxyPort(), 3128);
            QCOMPARE(restored.proxyUser(), QStringLiteral("student"));
            QVERIFY(!restored.hasProxyPassword());
        }
        QSettings settings;
        settings.sync();
        QCOMPARE(settings.value(QStringLiteral("network/transport")).toString(),
            QStringLiteral("polling"));
        QCOMPARE(settings.value(QStringLiteral("network/proxy/mode")).toString(),
            QStringLiteral("http"));
        QDirIterator it(m_config.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++files;
            QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY(files > 0);
    }

    void testThenRevert()
    {
        NetworkSettings settings(nullptr);
        ChatConnection *connection = ConversationManager::globalInstance()->connection();
        QVERIFY(
            settings.apply(NetworkSettings::Automatic, NetworkSettings::NoProxy, {}, 0, {}, {}));
        QCOMPARE(connection->transportPolicy(), SocketIo::TransportPolicy::Auto);
        QVERIFY(!settings.hasProxyPassword());
        QVERIFY(settings.test(NetworkSettings::WebSocketOnly, NetworkSettings::Socks5Proxy,
            QStringLiteral("10.1.2.3"), 0, {}, {}));
        QVERIFY(settings.testing());
        QCOMPARE(connection->transportPolicy(), SocketIo::TransportPolicy::WebSocketOnly);
        QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(QNetworkProxy::applicationProxy().port(), quint16(1080));
        // Not saved: another instance still reads the applied settings.
        QCOMPARE(NetworkSettings(nullptr).transportMode(), NetworkSettings::Automatic);
        settings.revert();
        QVERIFY(!settings.testing());
        QCOMPARE(settings.proxyMode(), NetworkSettings::NoProxy);
        QCOMPARE(connection->transportPolicy(), SocketIo::TransportPolicy::Auto);
        QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::NoProxy);
    }
};

QTEST_GUILESS_MAIN(TestNetworkSettings)
#include "tst_networksettings.moc"
