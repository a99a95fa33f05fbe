#pragma once

#include "api/fileinfo.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// What the study additions (features replies, threads, edit, delete, reactions, mentions) add
/// to a message. Most messages have none of it, so it is held behind a pointer and absent then:
/// the common message stays as small as before.
struct MessageDetails
{
    /// The message this one answers, as the server quoted it when it was sent (or edited since).
    struct Quote
    {
        QString id;
        QString senderId;
        QString senderName;
        /// The start of the original (quoteOf()); empty once it is deleted.
        QString text;
        bool deleted = false;
    };
    /// On a thread's root: how many replies it has and whether the question is resolved.
    struct Thread
    {
        int replyCount = 0;
        qint64 lastReplyAtMs = 0;
        bool resolved = false;
    };
    struct Reaction
    {
        /// One emoji, as the server compares them (exact strings).
        QString emoji;
        /// Who reacted, in the order they did.
        QStringList userIds;
    };

    std::optional<Quote> replyTo;
    /// Set on a reply inside a thread: the root's id.
    QString threadId;
    std::optional<Thread> thread;
    /// The last edit; 0 when never edited.
    qint64 editedAtMs = 0;
    /// The server removed the text; the row stays as a "message deleted" placeholder.
    bool deleted = false;
    QList<Reaction> reactions;
    /// Ids of the users the text mentions (`<@id>` tokens the server recognised).
    QStringList mentions;
    /// The files the message carries, in the order sent (feature "files"). On our own pending
    /// message, an attachment not uploaded yet has no id.
    QList<FileInfo> attachments;

    bool isEmpty() const
    {
        return !replyTo && threadId.isEmpty() && !thread && editedAtMs == 0 && !deleted
            && reactions.isEmpty() && mentions.isEmpty() && attachments.isEmpty();
    }

    /// How much of the original a quote keeps, in UTF-16 units: what the server quotes.
    static constexpr qsizetype kQuoteLength = 200;
    /// The start of `original` as a reply quotes it: the first kQuoteLength UTF-16 units, one
    /// fewer when the cut would split a surrogate pair (half an emoji is no text). The client
    /// makes the same cut as the server, so a quote it writes itself (a pending reply, an edit of
    /// the original) matches the copy the server sends later.
    static QString quoteOf(const QString &original);

    /// Compact JSON for the offline store; empty when there is nothing to keep.
    QByteArray toJson() const;
    /// Reads what toJson() wrote; a damaged value gives empty details, never a crash.
    static MessageDetails fromJson(const QByteArray &json);
};
