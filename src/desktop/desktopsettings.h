#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>

/// What the desktop app remembers between runs that is not secret (QSettings): the server last
/// signed in to. The token is the session's business and lives in the keychain only.
class DesktopSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// The server the sign-in page offers: --server, else the last one used, else localhost:5000.
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)
    /// True when the server came from the command line (the app then restores a session there).
    Q_PROPERTY(bool serverFromCommandLine READ serverFromCommandLine CONSTANT)
    /// True when STUDYCONNECT_TOKEN started the session: no keychain session is restored then, so
    /// a refused token shows its reason instead of another account quietly taking over.
    Q_PROPERTY(bool sessionFromEnvironment READ sessionFromEnvironment CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    /// Messages kept on this computer per conversation, the oldest deleted first; 0 keeps all
    /// (the default).
    Q_PROPERTY(int storedMessageLimit READ storedMessageLimit WRITE setStoredMessageLimit NOTIFY
            storedMessageLimitChanged)

public:
    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton with
    /// `new DesktopSettings` and ignore create(), giving QML a second instance.
    explicit DesktopSettings(QObject *parent);

    static DesktopSettings *globalInstance();
    static DesktopSettings *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    static QUrl defaultServer();
    /// The last server signed in to, else defaultServer().
    static QUrl lastServer();
    /// main() passes --server here before the QML engine starts.
    void setCommandLineServer(const QUrl &server);

    /// AppSetup, before the QML engine starts.
    void setSessionFromEnvironment() { m_fromEnvironment = true; }
    bool sessionFromEnvironment() const { return m_fromEnvironment; }

    QString serverUrl() const { return m_serverUrl.toString(); }
    bool serverFromCommandLine() const { return m_fromCommandLine; }
    QString version() const;

    int storedMessageLimit() const;
    void setStoredMessageLimit(int limit);

    /// After a successful sign-in: offer this server next time.
    Q_INVOKABLE void rememberServer(const QUrl &server);
    /// "localhost:5000" → "http://localhost:5000"; an invalid address gives an empty URL.
    Q_INVOKABLE QUrl normalizeServer(const QString &text) const;

Q_SIGNALS:
    void serverUrlChanged();
    void storedMessageLimitChanged();

private:
    QUrl m_serverUrl;
    bool m_fromCommandLine = false;
    bool m_fromEnvironment = false;
};
