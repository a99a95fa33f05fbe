#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>

/// A `studyconnect://signin?server=…&token=…` link from a school's web sign-in, handed to the app
/// as its argument (the desktop entry registers x-scheme-handler/studyconnect). Nothing happens
/// until the user agrees: QML shows `host` and calls accept() or decline(). The token itself
/// stays in C++; accepting signs in exactly like a pasted token (keychain included).
class SignInLink : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// A link arrived and waits for the user's answer (also when it cannot be used: errorString).
    Q_PROPERTY(bool pending READ pending NOTIFY changed)
    /// The server's host (and port when not the default), for the question.
    Q_PROPERTY(QString host READ host NOTIFY changed)
    /// Why the link cannot be used; empty for a usable link.
    Q_PROPERTY(QString errorString READ errorString NOTIFY changed)

public:
    /// Not default-constructible, so that Qt 6.4 calls create() (see DesktopSettings).
    explicit SignInLink(QObject *parent);

    static SignInLink *globalInstance();
    static SignInLink *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// True for anything in the studyconnect: scheme (main() hands those over, nothing else).
    static bool isLink(const QString &argument);

    /// Takes a link; false (and errorString) when it is not a usable sign-in link.
    bool setLink(const QString &link);

    bool pending() const { return m_pending; }
    QString host() const;
    QString errorString() const { return m_error; }
    /// C++ only: the server the link names.
    QUrl server() const { return m_server; }

    /// The user agreed: sign in with the link's token on its server.
    Q_INVOKABLE void accept();
    /// The user said no (or closed the notice about a broken link): forget the link.
    Q_INVOKABLE void decline();

Q_SIGNALS:
    void changed();

private:
    void clear();

    bool m_pending = false;
    QUrl m_server;
    QString m_token;
    QString m_error;
};
