#include "signinlink.h"

#include "auth/session.h"
#include "desktopsettings.h"
#include "logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUrlQuery>

SignInLink::SignInLink(QObject *parent)
    : QObject(parent)
{ }

SignInLink *SignInLink::globalInstance()
{
    static QPointer<SignInLink> instance;
    if (!instance)
        instance = new SignInLink(QCoreApplication::instance());
    return instance;
}

SignInLink *SignInLink::create(QQmlEngine *, QJSEngine *)
{
    SignInLink *link = globalInstance();
    QJSEngine::setObjectOwnership(link, QJSEngine::CppOwnership);
    return link;
}

bool SignInLink::isLink(const QString &argument)
{
    return argument.startsWith(QLatin1String("studyconnect:"), Qt::CaseInsensitive);
}

bool SignInLink::setLink(const QString &link)
{
    clear();
    m_pending = true;
    const QUrl url(link);
    const QUrlQuery query(url);
    // The token is percent-encoded in the link; a JWT has no character that changes by decoding.
    const QString token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    const QUrl server = DesktopSettings::globalInstance()->normalizeServer(
        query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded));
    if (!url.isValid() || url.scheme().toLower() != u"studyconnect"
        || url.host().toLower() != u"signin") {
        m_error = tr("This link is not a StudyConnect sign-in link.");
    } else if (server.isEmpty()) {
        m_error = tr("The sign-in link does not name a server this app can use (http or https).");
    } else if (const QString problem = Session::globalInstance()->checkToken(token);
               !problem.isEmpty()) {
        m_server = server;
        m_error = problem;
    } else {
        m_server = server;
        m_token = token;
    }
    // The host only: the token never goes to a log.
    qCInfo(lcDesktop) << "sign-in link for" << m_server.host()
                      << (m_error.isEmpty() ? "waits for the user" : "cannot be used");
    Q_EMIT changed();
    return m_error.isEmpty();
}

QString SignInLink::host() const
{
    if (m_server.isEmpty())
        return {};
    const int port = m_server.port();
    const int standard = m_server.scheme() == u"https" ? 443 : 80;
    return port < 0 || port == standard ? m_server.host()
                                        : QStringLiteral("%1:%2").arg(m_server.host()).arg(port);
}

void SignInLink::accept()
{
    if (!m_pending || !m_error.isEmpty()) {
        decline();
        return;
    }
    const QUrl server = m_server;
    const QString token = m_token;
    clear();
    Q_EMIT changed();
    Session::globalInstance()->signInWithToken(server, token);
}

void SignInLink::decline()
{
    clear();
    Q_EMIT changed();
}

void SignInLink::clear()
{
    m_pending = false;
    m_server.clear();
    m_token.clear();
    m_error.clear();
}
