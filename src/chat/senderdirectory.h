#pragma once

#include <QHash>
#include <QString>

#include <vector>

/// Everyone who appears as a message sender, stored once and referred to by index from every
/// ChatMessage, so a message costs four bytes of sender data instead of three strings.
class SenderDirectory
{
public:
    struct Sender
    {
        QString id;
        QString name;
        QString avatar;
        QString role;
    };

    SenderDirectory();

    /// The index of the sender with this id, added or updated (non-empty fields win).
    quint32 intern(const QString &id, const QString &name, const QString &avatar = {},
        const QString &role = {});
    /// The index of this id, adding a placeholder ("User <id>") when unknown.
    quint32 indexOf(const QString &id);
    const Sender &at(quint32 index) const
    {
        return m_senders[index < m_senders.size() ? index : 0];
    }
    QString nameOf(const QString &id) const;
    QString roleOf(const QString &id) const;
    /// The text with its `<@id>` mention tokens shown as "@Name". With `mentions` (the ids the
    /// server recognised), only those; without, every token of a known user (a quote).
    QString withMentionNames(const QString &text, const QStringList *mentions = nullptr) const;
    int size() const { return int(m_senders.size()); }

private:
    // Index 0 is the "unknown sender", so a default ChatMessage points at something valid.
    std::vector<Sender> m_senders;
    QHash<QString, quint32> m_indexById;
};
