#pragma once

#include "conversationkey.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>

#include <vector>

class Conversation;

/// The hits of a MessageSearch, in the order shown: the ones kept on this computer first, then
/// the server's. A message is listed once, however many sources found it.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Get one from a MessageSearch")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        /// Conversation*: where the message is.
        ConversationRole = Qt::UserRole + 1,
        /// QString: the room's name or the other person's name.
        ConversationNameRole,
        /// QString: "First Last" of the sender.
        SenderNameRole,
        /// QDateTime: when the server stored the message.
        TimeRole,
        /// QString: Qt StyledText, the text around the first match, HTML-escaped, the matched
        /// words in <b> (render with Text.StyledText).
        ExcerptRole,
        /// QString: the server's message id.
        MessageIdRole,
        /// bool: found by the server only (not kept on this computer).
        FromServerRole,
        /// QString: the whole message as plain text (for screen readers).
        MessageTextRole,
    };
    Q_ENUM(Role)

    struct Hit
    {
        ConversationKey key;
        QPointer<Conversation> conversation;
        QString messageId;
        QString senderId;
        QString senderName;
        qint64 createdAtMs = 0;
        QString excerpt;
        QString text;
        bool fromServer = false;
    };

    explicit SearchResultModel(QObject *parent = nullptr);

    int count() const { return int(m_hits.size()); }
    const Hit &at(int row) const { return m_hits[size_t(row)]; }
    /// Replaces everything (a new query).
    void reset(std::vector<Hit> hits);
    /// Adds the hits not listed yet below the others.
    void append(std::vector<Hit> hits);
    void clear() { reset({}); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    static QString identity(const Hit &hit);

    std::vector<Hit> m_hits;
    QSet<QString> m_listed;
};
