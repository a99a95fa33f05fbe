#include "session.h"

#include "logging.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>

#include <algorithm>
#include <limits>

namespace {
// Keychain accounts of token sign-ins: no email is known, and a user id alone could clash with an
// account name.
const QString kTokenAccountPrefix = QStringLiteral("token:");

bool isUsableServer(const QUrl &server)
{
    return server.isValid() && !server.scheme().isEmpty() && !server.host().isEmpty();
}

/// A pasted token often comes with the header's "Bearer " or a line break.
QString cleanToken(const QString &token)
{
    QString cleaned = token.trimmed();
    if (cleaned.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        cleaned = cleaned.mid(7).trimmed();
    return cleaned;
}
} // namespace

// A function, not a constant: tr() must run after the translator is installed.
static QString expiredMessage()
{
    return Session::tr("Your session has expired. Please sign in again.");
}

Session::Session(QObject *parent)
    : QObject(parent)
    , m_rest(new RestClient(this))
    , m_tokenStore(new TokenStore(this))
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (m_state != SignedIn)
            return;
        if (m_claims.isExpired()) {
            qCInfo(lcAuth) << "token expired; signing out";
            endSession(expiredMessage());
        } else {
            armExpiryTimer(); // the expiry was further away than one timer interval
        }
    });
}

Session::~Session() = default;

Session *Session::globalInstance()
{
    static QPointer<Session> instance;
    if (!instance) {
        instance = new Session(QCoreApplication::instance());
    }
    return instance;
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    Session *session = globalInstance();
    QJSEngine::setObjectOwnership(session, QJSEngine::CppOwnership);
    return session;
}

QString Session::keychainMessage() const
{
    if (m_keychainAvailable)
        return {};
    return tr("No keychain is available, so your sign-in is kept only until StudyConnect quits. "
              "You will need to sign in again next time.");
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::setError(const QString &error)
{
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void Session::setKeychainAvailable(bool available)
{
    if (m_keychainAvailable == available)
        return;
    m_keychainAvailable = available;
    Q_EMIT keychainAvailableChanged();
}

QString Session::account() const
{
    return m_account.startsWith(kTokenAccountPrefix) ? QString() : m_account;
}

bool Session::tokenSession() const
{
    return m_account.startsWith(kTokenAccountPrefix);
}

void Session::signIn(const QUrl &server, const QString &email, const QString &password)
{
    if (!isUsableServer(server)) {
        setError(tr("The server address is not a valid URL."));
        Q_EMIT signedOut(m_errorString);
        return;
    }
    if (email.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("Enter your email address and password."));
        Q_EMIT signedOut(m_errorString);
        return;
    }
    if (m_state == SignedIn)
        leave({}, false);
    const quint64 generation = ++m_generation;
    setError({});
    setState(SigningIn);
    m_rest->setBaseUrl(server);
    m_rest->setToken({});
    const QString account = email.trimmed();
    qCInfo(lcAuth) << "signing in on" << server.host();
    m_rest->login(account, password, this,
        [this, generation, server, account](
            const RestError &error, const RestClient::LoginResult &result) {
            if (generation != m_generation)
                return;
            m_lastSignInError = error.kind;
            if (!error.ok()) {
                QString reason;
                switch (error.kind) {
                case RestError::Kind::Unauthorized:
                    reason = tr("Wrong email address or password.");
                    break;
                case RestError::Kind::Network:
                    reason = tr("Cannot reach the server: %1").arg(error.message);
                    break;
                case RestError::Kind::NotFound:
                    // The seed's backend: its users come with a token from the school's sign-in.
                    reason = tr("This server does not offer sign-in with a password. Choose "
                                "\"Token\" and paste the token your school's sign-in gave you.");
                    break;
                default:
                    reason = tr("Sign-in failed: %1").arg(error.message);
                    break;
                }
                qCInfo(lcAuth) << "sign-in failed:" << RestError::kindName(error.kind)
                               << error.httpStatus;
                leave(reason, false);
                return;
            }
            if (enter(server, account, result.token, result.user))
                storeToken(server, account, result.token);
        });
}

void Session::signInWithToken(const QUrl &server, const QString &token)
{
    const QString cleaned = cleanToken(token);
    const QString problem =
        isUsableServer(server) ? checkToken(cleaned) : tr("The server address is not a valid URL.");
    if (!problem.isEmpty()) {
        setError(problem);
        Q_EMIT signedOut(m_errorString);
        return;
    }
    ++m_generation;
    if (m_state == SignedIn)
        leave({}, false);
    m_lastSignInError = RestError::Kind::None;
    const QString account = kTokenAccountPrefix + JwtClaims::parse(cleaned)->userId;
    qCInfo(lcAuth) << "signing in with a token on" << server.host();
    if (!enter(server, account, cleaned, {}))
        return;
    fetchUserDetails();
    storeToken(server, account, cleaned);
}

QString Session::checkToken(const QString &token) const
{
    const QString cleaned = cleanToken(token);
    if (cleaned.isEmpty())
        return tr("Paste the token you were given.");
    const auto claims = JwtClaims::parse(cleaned);
    if (!claims)
        return tr("This is not a token. A token is three parts separated by dots, like "
                  "eyJhbGciOi….eyJpZCI6….SflKxw…");
    if (claims->userId.isEmpty())
        return tr("This token does not say which account it belongs to (it has no id).");
    if (claims->isExpired())
        return tr("This token expired on %1. Get a new one and sign in again.")
            .arg(QLocale().toString(claims->expiresAt.toLocalTime(), QLocale::ShortFormat));
    return {};
}

QString Session::describeRefusal(const QString &serverMessage)
{
    // The seed's middleware says "Authentication error: " + the jsonwebtoken message
    // (docs/PROTOCOL.md, "Authentication"); compare those stable texts, show our own words.
    static const QLatin1String prefix("Authentication error: ");
    const QString detail = serverMessage.startsWith(prefix)
        ? serverMessage.mid(prefix.size()).trimmed()
        : serverMessage.trimmed();
    if (detail == u"User not found")
        return tr("This server does not know the account in that token.");
    if (detail == u"jwt expired")
        return tr("The token has expired. Please sign in again.");
    if (detail == u"invalid signature")
        return tr("This server did not issue that token: its signature does not match.");
    if (detail == u"jwt malformed" || detail == u"invalid token")
        return tr("The server cannot read that token.");
    if (detail == u"Token not provided")
        return tr("The server received no token.");
    if (detail == u"jwt signature is required")
        return tr("The token is not signed.");
    if (detail.startsWith(u"jwt not active"))
        return tr("The token is not valid yet. Check your computer's clock.");
    return tr("The server refused the sign-in: %1").arg(detail);
}

void Session::storeToken(const QUrl &server, const QString &account, const QString &token)
{
    if (!m_keychainEnabled)
        return;
    const quint64 generation = m_generation;
    m_tokenStore->write(server, account, token, this,
        [this, generation, server, account](const TokenStore::Result &stored) {
            if (generation != m_generation)
                return;
            setKeychainAvailable(stored.ok);
            if (stored.ok) {
                m_tokenStore->rememberAccount(server, account);
            } else {
                qCWarning(lcAuth) << "could not store the token in the keychain:"
                                  << stored.errorString;
            }
        });
}

void Session::restore(const QUrl &server)
{
    const QUrl target = server.isValid() && !server.isEmpty() ? server : m_tokenStore->lastServer();
    const QString account = target.isEmpty() ? QString() : m_tokenStore->lastAccount(target);
    if (!m_keychainEnabled || target.isEmpty() || account.isEmpty()) {
        Q_EMIT restoreFinished(false);
        return;
    }
    if (m_state == SignedIn)
        leave({}, false);
    const quint64 generation = ++m_generation;
    setState(SigningIn);
    m_tokenStore->read(target, account, this,
        [this, generation, target, account](const TokenStore::Result &result) {
            if (generation != m_generation)
                return;
            setKeychainAvailable(result.backendAvailable);
            if (!result.ok) {
                leave({}, false);
                Q_EMIT restoreFinished(false);
                return;
            }
            const auto claims = JwtClaims::parse(result.token);
            if (!claims || claims->isExpired()) {
                // Useless from now on: remove it so the next start does not find it again.
                m_tokenStore->remove(target, account, this, [](const TokenStore::Result &) {});
                m_tokenStore->forgetAccount(target);
                m_serverUrl = target;
                m_account = account;
                Q_EMIT serverUrlChanged();
                Q_EMIT accountChanged();
                leave(claims ? expiredMessage()
                             : tr("The stored session is not valid. Please sign in again."),
                    false);
                Q_EMIT restoreFinished(false);
                return;
            }
            const bool ok = enter(target, account, result.token, {});
            if (ok)
                fetchUserDetails();
            Q_EMIT restoreFinished(ok);
        });
}

bool Session::useToken(const QUrl &server, const QString &token)
{
    ++m_generation;
    if (m_state == SignedIn)
        leave({}, false);
    if (const QString problem = checkToken(token); !problem.isEmpty()) {
        leave(problem, false);
        return false;
    }
    if (!enter(server, {}, cleanToken(token), {}))
        return false;
    fetchUserDetails();
    return true;
}

bool Session::enter(
    const QUrl &server, const QString &account, const QString &token, const QVariantMap &user)
{
    const auto claims = JwtClaims::parse(token);
    if (!claims) {
        leave(tr("The server sent a token this app cannot read."), false);
        return false;
    }
    if (claims->isExpired()) {
        leave(expiredMessage(), false);
        return false;
    }
    m_claims = *claims;
    m_token = token;
    m_rest->setBaseUrl(server);
    m_rest->setToken(token);
    if (m_serverUrl != server) {
        m_serverUrl = server;
        Q_EMIT serverUrlChanged();
    }
    if (m_account != account) {
        m_account = account;
        Q_EMIT accountChanged();
    }
    // A bare token: what its claims say is all we know until the server tells more.
    m_user = user.isEmpty() ? m_claims.profile : user;
    if (user.isEmpty() && !m_claims.userId.isEmpty())
        m_user.insert(QStringLiteral("id"), m_claims.userId);
    if (m_claims.userId.isEmpty() && user.contains(QStringLiteral("id")))
        m_claims.userId = user.value(QStringLiteral("id")).toString();
    Q_EMIT userChanged();
    setError({});
    armExpiryTimer();
    setState(SignedIn);
    qCInfo(lcAuth) << "signed in as user" << m_claims.userId;
    Q_EMIT signedIn();
    return true;
}

void Session::fetchUserDetails()
{
    const quint64 generation = m_generation;
    m_rest->fetchCurrentUser(
        this, [this, generation](const RestError &error, const QVariant &body) {
            if (generation != m_generation || m_state != SignedIn)
                return;
            if (error.kind == RestError::Kind::Unauthorized) {
                endSession(tr("The server no longer accepts this session: %1").arg(error.message));
                return;
            }
            // A seed-style server has no REST API (NotFound) and an offline one cannot answer: the
            // token's claims are then all we know, which is enough to chat.
            // Only a network failure is worth asking again about when the server is back.
            m_userDetailsKnown = error.kind != RestError::Kind::Network;
            if (!error.ok())
                return;
            m_user = body.toMap();
            Q_EMIT userChanged();
        });
}

void Session::serverReachable()
{
    if (m_state == SignedIn && !m_userDetailsKnown)
        fetchUserDetails();
}

void Session::signOut()
{
    ++m_generation;
    leave({}, true);
    Q_EMIT signedOutByUser();
}

void Session::endSession(const QString &reason)
{
    ++m_generation;
    leave(reason, true);
}

void Session::tokenRefused(const QString &serverMessage)
{
    qCInfo(lcAuth) << "the server refused the token:" << serverMessage;
    endSession(describeRefusal(serverMessage));
}

void Session::noteOwnProfile(const QVariantMap &details)
{
    if (m_state != SignedIn)
        return;
    bool changed = false;
    for (auto it = details.cbegin(); it != details.cend(); ++it) {
        if (!it.value().toString().isEmpty() && m_user.value(it.key()).toString().isEmpty()) {
            m_user.insert(it.key(), it.value());
            changed = true;
        }
    }
    if (changed)
        Q_EMIT userChanged();
}

void Session::leave(const QString &reason, bool forgetToken)
{
    const bool wasSignedIn = m_state == SignedIn;
    if (forgetToken && m_keychainEnabled && !m_account.isEmpty() && m_serverUrl.isValid()) {
        m_tokenStore->remove(m_serverUrl, m_account, this, [](const TokenStore::Result &result) {
            if (!result.ok)
                qCWarning(lcAuth) << "could not remove the token from the keychain:"
                                  << result.errorString;
        });
        m_tokenStore->forgetAccount(m_serverUrl);
    }
    m_expiryTimer.stop();
    m_token.clear();
    m_rest->setToken({});
    m_claims = {};
    m_userDetailsKnown = false;
    if (!m_user.isEmpty()) {
        m_user.clear();
        Q_EMIT userChanged();
    }
    setError(reason);
    setState(SignedOut);
    if (wasSignedIn || !reason.isEmpty())
        qCInfo(lcAuth) << "signed out"
                       << (reason.isEmpty() ? QString() : QStringLiteral("(%1)").arg(reason));
    Q_EMIT signedOut(reason);
}

void Session::armExpiryTimer()
{
    m_expiryTimer.stop();
    if (!m_claims.hasExpiry())
        return;
    const qint64 remaining = QDateTime::currentDateTimeUtc().msecsTo(m_claims.expiresAt);
    m_expiryTimer.start(
        int(std::clamp<qint64>(remaining + 50, 0, std::numeric_limits<int>::max())));
}
