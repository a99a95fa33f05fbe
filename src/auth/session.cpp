#include "session.h"

#include "logging.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <limits>

namespace {
const QString kExpiredMessage = QStringLiteral("Your session has expired. Please sign in again.");
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
            endSession(kExpiredMessage);
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

void Session::signIn(const QUrl &server, const QString &email, const QString &password)
{
    if (!server.isValid() || server.scheme().isEmpty() || server.host().isEmpty()) {
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
                    reason = tr("This server does not offer sign-in with a password.");
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
            if (!enter(server, account, result.token, result.user))
                return;
            if (!m_keychainEnabled)
                return;
            m_tokenStore->write(server, account, result.token, this,
                [this, generation, server, account](const TokenStore::Result &stored) {
                    if (generation != m_generation)
                        return;
                    setKeychainAvailable(stored.ok);
                    if (stored.ok) {
                        m_tokenStore->rememberAccount(server, account);
                    } else {
                        qCWarning(lcAuth)
                            << "could not store the token in the keychain:" << stored.errorString;
                    }
                });
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
                leave(claims ? kExpiredMessage
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
    const auto claims = JwtClaims::parse(token);
    if (!claims) {
        leave(tr("The token is not a valid JWT."), false);
        return false;
    }
    if (!enter(server, {}, token, {}))
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
        leave(kExpiredMessage, false);
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
    m_user = user;
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
            if (!error.ok())
                return;
            m_user = body.toMap();
            Q_EMIT userChanged();
        });
}

void Session::signOut()
{
    ++m_generation;
    leave({}, true);
}

void Session::endSession(const QString &reason)
{
    ++m_generation;
    leave(reason, true);
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
