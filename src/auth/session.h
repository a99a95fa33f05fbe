#pragma once

#include "api/restclient.h"
#include "jwtclaims.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

class TokenStore;

/// The signed-in user: signs in over REST, keeps the token in the OS keychain (never in a file,
/// QSettings or a log line), restores it on start, and signs out when the token expires or the
/// server refuses it. The token itself is only reachable from C++ (token()), never from QML.
///
/// Without a keychain backend the session still works but lasts until the app quits;
/// keychainAvailable turns false and keychainMessage tells the user.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl NOTIFY serverUrlChanged)
    /// The email address used to sign in (empty for a session from a bare token).
    Q_PROPERTY(QString account READ account NOTIFY accountChanged)
    /// The current (or last) session began with a token rather than a password.
    Q_PROPERTY(bool tokenSession READ tokenSession NOTIFY accountChanged)
    /// {id, firstName, lastName, role, avatar, email} as far as known.
    Q_PROPERTY(QVariantMap user READ user NOTIFY userChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY userChanged)
    /// Why the last sign-in or the last session ended; empty when nothing went wrong.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(bool keychainAvailable READ keychainAvailable NOTIFY keychainAvailableChanged)
    /// A sentence for the user when the keychain could not be used, else empty.
    Q_PROPERTY(QString keychainMessage READ keychainMessage NOTIFY keychainAvailableChanged)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY userChanged)

public:
    enum State
    {
        SignedOut,
        SigningIn,
        SignedIn
    };
    Q_ENUM(State)

    /// No default argument on purpose: a default-constructible type would make Qt 6.4 create its
    /// own QML singleton instead of calling create().
    explicit Session(QObject *parent);
    ~Session() override;

    /// The instance the app and the QML singleton share (tests create their own).
    static Session *globalInstance();
    static Session *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    State state() const { return m_state; }
    QUrl serverUrl() const { return m_serverUrl; }
    /// Empty for a token sign-in, whose keychain account is "token:<id>".
    QString account() const;
    bool tokenSession() const;
    QVariantMap user() const { return m_user; }
    QString userId() const { return m_claims.userId; }
    QString errorString() const { return m_errorString; }
    bool keychainAvailable() const { return m_keychainAvailable; }
    QString keychainMessage() const;
    QDateTime expiresAt() const { return m_claims.expiresAt; }
    /// C++ only: what kind of failure ended the last signIn() (None when it succeeded).
    RestError::Kind lastSignInError() const { return m_lastSignInError; }
    /// C++ only: the bearer token while signed in.
    QString token() const { return m_token; }

    /// Off for the CLI: tokens then live in memory only and the keychain is never touched.
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }
    bool keychainEnabled() const { return m_keychainEnabled; }
    TokenStore *tokenStore() const { return m_tokenStore; }
    /// The REST client with this session's server and token, shared with the chat core.
    RestClient *restClient() const { return m_rest; }

    /// Logs in with POST /api/auth/login and stores the token in the keychain.
    Q_INVOKABLE void signIn(const QUrl &server, const QString &email, const QString &password);
    /// Signs in with a JWT issued elsewhere (pasted, or from a studyconnect:// link): checked
    /// with checkToken() first, then kept in the keychain exactly like a password sign-in's token
    /// (account "token:<id>"). The server itself judges it when the chat connects.
    Q_INVOKABLE void signInWithToken(const QUrl &server, const QString &token);
    /// Empty when `token` looks usable (three parts, an `id` claim, not expired), else a sentence
    /// saying what is wrong. Only the server can check the signature.
    Q_INVOKABLE QString checkToken(const QString &token) const;
    /// A connect_error message ("Authentication error: jwt expired") in words for the user.
    static QString describeRefusal(const QString &serverMessage);
    /// Signs in from the keychain: the given server, or the last one used. Ends SignedOut quietly
    /// when nothing is stored, and with a reason when the stored token has expired.
    Q_INVOKABLE void restore(const QUrl &server = QUrl());
    /// Removes the token from the keychain and signs out.
    Q_INVOKABLE void signOut();
    /// A session from a token obtained elsewhere (CLI --token); never stored.
    bool useToken(const QUrl &server, const QString &token);
    /// The server refused the token (e.g. connect_error "Authentication error: jwt expired"):
    /// forget it and sign out with `reason` as errorString.
    void endSession(const QString &reason);
    /// The chat connection was refused with this connect_error message: endSession() with the
    /// reason in words.
    void tokenRefused(const QString &serverMessage);
    /// Details of the signed-in user learnt from an event (a server without REST only tells them
    /// there): fills what the session does not know yet, never overwrites.
    void noteOwnProfile(const QVariantMap &details);
    /// The server can be reached again (the chat connection is back): asks it for the user's
    /// details when the start-up request could not get them (offline start), so the name
    /// replaces the email the token gave.
    void serverReachable();

Q_SIGNALS:
    void stateChanged(Session::State state);
    void serverUrlChanged();
    void accountChanged();
    void userChanged();
    void errorStringChanged();
    void keychainAvailableChanged();
    /// Emitted when state becomes SignedIn (token() is then valid).
    void signedIn();
    /// Emitted when a session ends or a sign-in/restore fails; `reason` empty for a normal
    /// sign-out.
    void signedOut(const QString &reason);
    /// The user chose to sign out (not an expired or refused token): their data on this computer
    /// goes too.
    void signedOutByUser();
    /// restore() finished, whatever the outcome.
    void restoreFinished(bool signedIn);

private:
    void setState(State state);
    void setError(const QString &error);
    void setKeychainAvailable(bool available);
    /// Validates the token's claims and switches to SignedIn; false (and SignedOut) when expired.
    bool enter(
        const QUrl &server, const QString &account, const QString &token, const QVariantMap &user);
    void leave(const QString &reason, bool forgetToken);
    void armExpiryTimer();
    /// Writes the token to the keychain after a sign-in (either kind) and remembers the account.
    void storeToken(const QUrl &server, const QString &account, const QString &token);
    void fetchUserDetails();
    bool m_userDetailsKnown = false;

    RestClient *m_rest;
    TokenStore *m_tokenStore;
    QTimer m_expiryTimer;
    State m_state = SignedOut;
    QUrl m_serverUrl;
    QString m_account;
    QVariantMap m_user;
    QString m_token;
    JwtClaims m_claims;
    QString m_errorString;
    bool m_keychainAvailable = true;
    bool m_keychainEnabled = true;
    // Bumped on every sign-in/out so late keychain or REST answers from an older attempt are
    // ignored.
    quint64 m_generation = 0;
    RestError::Kind m_lastSignInError = RestError::Kind::None;
};
