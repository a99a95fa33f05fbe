// ConversationManager, what the server announces (GET /api/server): the features the views and
// the outbox go by, and the limits on files.
#include "api/restclient.h"
#include "conversationmanager.h"
#include "historysync.h"
#include "serversettings.h"

#include <QSettings>

#include <algorithm>

void ConversationManager::applyServerInfo(const RestError &error, const QVariant &body)
{
    const QString remembered = serverSettingsKey(m_server, QStringLiteral("features"));
    if (!error.ok()) {
        // A seed backend: nothing announced, and that is known now. (Another error leaves what
        // the server announced last time.)
        if (error.kind == RestError::Kind::NotFound) {
            m_features.clear();
            m_maxFileBytes = 0;
            m_maxAttachments = kDefaultMaxAttachments;
            QSettings().remove(remembered);
            QSettings().remove(serverSettingsKey(m_server, QStringLiteral("limits")));
        }
        m_featuresKnown = true;
        m_history->setForwardPaging(hasFeature(QStringLiteral("historyAfter")));
        Q_EMIT featuresChanged();
        return;
    }
    const QVariantMap info = body.toMap();
    const QStringList features = info.value(QStringLiteral("features")).toStringList();
    m_features = QSet<QString>(features.begin(), features.end());
    // Remembered for a start without the server: changes can be queued offline.
    QSettings().setValue(remembered, features);
    // Remembered too: a file can be checked against the limit before the server answers.
    const QVariantMap limits = info.value(QStringLiteral("limits")).toMap();
    QSettings().setValue(serverSettingsKey(m_server, QStringLiteral("limits")), limits);
    applyLimits(limits);
    m_featuresKnown = true;
    m_history->setForwardPaging(hasFeature(QStringLiteral("historyAfter")));
    Q_EMIT featuresChanged();
    // Kept messages from an earlier run: fetch what came since.
    if (m_store->isOpen()) {
        for (Conversation *each : std::as_const(m_conversations))
            catchUp(each);
    }
}

void ConversationManager::applyLimits(const QVariantMap &limits)
{
    // Wrong types read as "unknown": the server checks again anyway.
    bool numeric = false;
    const qint64 maxFileBytes = limits.value(QStringLiteral("maxFileBytes")).toLongLong(&numeric);
    m_maxFileBytes = numeric ? std::max<qint64>(0, maxFileBytes) : 0;
    const int maxAttachments = limits.value(QStringLiteral("maxAttachments")).toInt(&numeric);
    m_maxAttachments = numeric && maxAttachments > 0
        ? std::min(maxAttachments, int(Payload::kMaxAttachments))
        : kDefaultMaxAttachments;
    // A file over the limit fails before a single byte is sent.
    m_rest->setMaxFileBytes(m_maxFileBytes);
}
