#include "searchresultmodel.h"

#include "conversation.h"

#include <QDateTime>

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

QString SearchResultModel::identity(const Hit &hit)
{
    // Room messages and DMs are numbered separately on the server: the id alone is not enough.
    return hit.key.toString() + u'#' + hit.messageId;
}

void SearchResultModel::reset(std::vector<Hit> hits)
{
    const int before = count();
    beginResetModel();
    m_hits.clear();
    m_listed.clear();
    for (Hit &hit : hits) {
        const QString id = identity(hit);
        if (m_listed.contains(id))
            continue;
        m_listed.insert(id);
        m_hits.push_back(std::move(hit));
    }
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
}

void SearchResultModel::append(std::vector<Hit> hits)
{
    std::vector<Hit> added;
    for (Hit &hit : hits) {
        const QString id = identity(hit);
        if (m_listed.contains(id))
            continue;
        m_listed.insert(id);
        added.push_back(std::move(hit));
    }
    if (added.empty())
        return;
    beginInsertRows({}, count(), count() + int(added.size()) - 1);
    for (Hit &hit : added)
        m_hits.push_back(std::move(hit));
    endInsertRows();
    Q_EMIT countChanged();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Hit &hit = at(index.row());
    switch (role) {
    case ConversationRole:
        return QVariant::fromValue(hit.conversation.data());
    case ConversationNameRole:
        return hit.conversation ? hit.conversation->name() : hit.key.id;
    case SenderNameRole:
        return hit.senderName;
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(hit.createdAtMs);
    case ExcerptRole:
    case Qt::DisplayRole:
        return hit.excerpt;
    case MessageIdRole:
        return hit.messageId;
    case FromServerRole:
        return hit.fromServer;
    case MessageTextRole:
        return hit.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return {
        { ConversationRole, "conversation" },
        { ConversationNameRole, "conversationName" },
        { SenderNameRole, "senderName" },
        { TimeRole, "time" },
        { ExcerptRole, "excerpt" },
        { MessageIdRole, "messageId" },
        { FromServerRole, "fromServer" },
        { MessageTextRole, "messageText" },
    };
}
